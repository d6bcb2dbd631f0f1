package dev.assay.server.pipeline;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.assay.server.accounts.tokens.ApiToken;

/**
 * Which worker holds a job, and so produced its result: an in-process worker of a server, or a remote
 * {@code assay worker} known by its token (whose owner, an administrator, answers for it) and the name and host
 * it reported.
 *
 * @param kind        {@code in-process} or {@code remote}
 * @param name        the worker's name ({@code in-process-PORT/2}, after its server's HTTP port; a remote
 *                    worker's {@code --name}, by default its host name, and its thread)
 * @param host        the server's host name for an in-process worker; the host a remote worker reported, or null
 * @param owner       a remote worker's token's owner; null in-process
 * @param tokenId     a remote worker's token's id; null in-process
 * @param tokenPrefix the first characters of that token, as {@code assay token list} shows them
 */
public record WorkerIdentity(String kind, String name, String host, String owner, Long tokenId, String tokenPrefix) {

    static final String IN_PROCESS = "in-process";
    static final String REMOTE = "remote";

    /** An in-process worker of the server running on {@code host}. */
    public static WorkerIdentity inProcess(String name, String host) {
        return new WorkerIdentity(IN_PROCESS, name, host, null, null, null);
    }

    /** A remote worker authenticated by {@code token}, with the name and host it reported. */
    public static WorkerIdentity remote(ApiToken token, String name, String host) {
        return new WorkerIdentity(REMOTE, name, host, token.owner(), token.id(), token.prefix());
    }

    /**
     * Who holds the lease, and the key of the worker's row on the workers page: the token's id keeps apart remote
     * workers of one name, the host in-process workers of servers on several machines listening on one port.
     */
    public String holder() {
        if (tokenId != null) {
            return tokenId + ":" + name;
        }
        return host == null ? name : name + "@" + host;
    }

    /** One line for people: "remote worker build-1/1 on build-1 (token 7, assay_AbCdEf…, of ada)". */
    @JsonProperty("description")
    public String description() {
        String where = host == null ? "" : " on " + host;
        return tokenId == null ? "in-process worker " + name + where
                : "remote worker " + name + where + " (token " + tokenId + ", " + tokenPrefix + "…, of " + owner + ")";
    }
}
