package dev.assay.server.accounts.tokens;

/** A token just created: the only moment its secret is known; show it once, then forget it. */
public record CreatedToken(ApiToken token, String secret) {

    @Override
    public String toString() {
        return "CreatedToken[" + token + "]";
    }
}
