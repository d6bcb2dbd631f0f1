package dev.assay.server.accounts;

/** A user's name and password hash, as the login check needs them. */
record StoredCredentials(long userId, String name, String passwordHash, boolean verified) {

    @Override
    public String toString() {
        return "StoredCredentials[userId=" + userId + ", name=" + name + "]";
    }
}
