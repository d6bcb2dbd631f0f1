package dev.assay.server.notify;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stands in for the review and comment features as the source of notices, registered as an extra bean of a test
 * server: publishes through Spring's event publisher inside a transaction, as they do.
 */
public class NoticeSource {

    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    public NoticeSource(ApplicationEventPublisher events, PlatformTransactionManager transactionManager) {
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    void publish(Notice notice) {
        transactions.executeWithoutResult(status -> events.publishEvent(notice));
    }

    /** Publishes the notice, then fails the action that published it. */
    void publishAndRollBack(Notice notice) {
        transactions.executeWithoutResult(status -> {
            events.publishEvent(notice);
            status.setRollbackOnly();
        });
    }
}
