package dev.assay.server.git.browse.diff;

import dev.assay.server.error.InvalidInputException;

/** The addresses of a diff page's two views, unified and side by side ({@code ?view=split}). */
public record DiffViews(String unified, String split) {

    /** The two views of the page at {@code path} (which has no query). */
    public static DiffViews of(String path) {
        return new DiffViews(path + "?view=unified", path + "?view=split");
    }

    /** Whether {@code view} asks for the side-by-side view; any view but unified or split is refused. */
    public static boolean isSplit(String view) {
        if (!view.equals("unified") && !view.equals("split")) {
            throw new InvalidInputException("view must be unified or split, not '"
                    + (view.length() > 20 ? view.substring(0, 20) + "…" : view) + "'");
        }
        return view.equals("split");
    }
}
