package dev.assay.server.review.thread.tracker;

/**
 * Text that a regular expression may read only so many characters of: an administrator's pattern that
 * backtracks without end is stopped by {@link Exhausted} instead of holding a request thread.
 */
public final class BudgetedText implements CharSequence {

    /** How many more characters the pattern may read, shared by every text it is given. */
    public static final class Budget {
        private long left;

        public Budget(long characters) {
            this.left = characters;
        }

        void spend() {
            if (--left < 0) {
                throw new Exhausted();
            }
        }
    }

    /** Thrown when the pattern has read its budget. */
    public static final class Exhausted extends RuntimeException {
        Exhausted() {
            super("the pattern read more characters than its budget", null, false, false);
        }
    }

    private final CharSequence text;
    private final Budget budget;

    public BudgetedText(CharSequence text, Budget budget) {
        this.text = text;
        this.budget = budget;
    }

    @Override
    public char charAt(int index) {
        budget.spend();
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new BudgetedText(text.subSequence(start, end), budget);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
