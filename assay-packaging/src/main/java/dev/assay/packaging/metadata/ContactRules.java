package dev.assay.packaging.metadata;

import java.util.Optional;

/** Checks the email address fields, Home-page, Download-URL and Project-URL. */
final class ContactRules {
    static final int MAX_URL_LABEL_LENGTH = 32;

    private ContactRules() {
    }

    static void check(CoreMetadata metadata, Problems problems) {
        checkEmails(MetadataField.AUTHOR_EMAIL, metadata.authorEmail(), problems);
        checkEmails(MetadataField.MAINTAINER_EMAIL, metadata.maintainerEmail(), problems);
        checkUrl(MetadataField.HOME_PAGE, metadata.homePage(), problems);
        checkUrl(MetadataField.DOWNLOAD_URL, metadata.downloadUrl(), problems);
        metadata.projectUrls().forEach((label, url) -> checkProjectUrl(label, url, problems));
    }

    private static void checkEmails(MetadataField field, Optional<String> value, Problems problems) {
        value.flatMap(EmailAddresses::problemWith).ifPresent(problem -> problems.add(field, problem));
    }

    private static void checkUrl(MetadataField field, Optional<String> value, Problems problems) {
        value.ifPresent(url -> checkUrl(field, "", url, problems));
    }

    private static void checkUrl(MetadataField field, String prefix, String url, Problems problems) {
        Optional<String> problem = WebAddress.problemWith(url);
        problem.ifPresent(found -> problems.add(field, prefix + found));
        if (problem.isEmpty()) {
            WebAddress.warningFor(url).ifPresent(warning -> problems.warn(field, prefix + warning));
        }
    }

    private static void checkProjectUrl(String label, String url, Problems problems) {
        MetadataField field = MetadataField.PROJECT_URL;
        if (label.isEmpty()) {
            problems.add(field, "a Project-URL has no label; write 'Label, https://…'");
        } else if (label.length() > MAX_URL_LABEL_LENGTH) {
            problems.add(field, "the label '" + label + "' is " + label.length() + " characters long; shorten it to "
                    + "at most " + MAX_URL_LABEL_LENGTH);
        }
        if (url.isEmpty()) {
            problems.add(field, "the Project-URL '" + label + "' has no URL; write '" + label + ", https://…'");
        } else {
            checkUrl(field, "'" + label + "': ", url, problems);
        }
    }
}
