package dev.assay.server.review.change;

/**
 * The change request journey, on PostgreSQL only: its five sandboxed pipelines are the cost, and what it keeps in
 * the database — revisions and their refs, threads following or outdated, votes, the merge gate, the merge, a
 * request opened by a push to refs/for — is tested on both databases by ChangeRequestContract, VoteContract,
 * MergeGateContract, MergeContract and ChangePushContract.
 */
class ChangeRequestJourneyOnPostgresTest extends ChangeRequestJourneyContract {

    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
