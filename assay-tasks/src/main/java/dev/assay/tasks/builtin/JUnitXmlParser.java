package dev.assay.tasks.builtin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads JUnit XML as pytest ({@code --junitxml}) and common unittest runners write it: a {@code testsuite}
 * or {@code testsuites} root, suites nested to any depth, and {@code testcase} elements with an optional
 * {@code failure}, {@code error} or {@code skipped} child.
 */
public final class JUnitXmlParser {

    /** Parses {@code file}; the file is written by untrusted code, so DTDs and entities are refused. */
    public TestSummary parse(Path file) throws IOException, JUnitXmlException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in);
        }
    }

    public TestSummary parse(InputStream in) throws IOException, JUnitXmlException {
        Element root;
        try {
            root = builder().parse(in).getDocumentElement();
        } catch (SAXException e) {
            throw new JUnitXmlException("not well-formed JUnit XML: " + e.getMessage(), e);
        }
        if (!root.getTagName().equals("testsuites") && !root.getTagName().equals("testsuite")) {
            throw new JUnitXmlException("not JUnit XML: the root element is <" + root.getTagName()
                    + ">, expected <testsuites> or <testsuite>");
        }
        Counter counter = new Counter();
        suite(root, counter);
        return new TestSummary(counter.passed, counter.failed, counter.skipped, counter.errors, counter.failures);
    }

    private void suite(Element suite, Counter counter) throws JUnitXmlException {
        boolean sawCases = false;
        for (Element child : children(suite)) {
            switch (child.getTagName()) {
                case "testsuite" -> {
                    suite(child, counter);
                    sawCases = true;
                }
                case "testcase" -> {
                    testCase(child, counter);
                    sawCases = true;
                }
                default -> {
                    // properties, system-out, system-err: nothing to count.
                }
            }
        }
        if (!sawCases && suite.getTagName().equals("testsuite")) {
            // Some runners write only a suite's totals; count those when there are no cases to count.
            int tests = count(suite, "tests");
            int failures = count(suite, "failures");
            int errors = count(suite, "errors");
            int skipped = count(suite, "skipped");
            counter.failed += failures;
            counter.errors += errors;
            counter.skipped += skipped;
            counter.passed += Math.max(0, tests - failures - errors - skipped);
        }
    }

    private static void testCase(Element testCase, Counter counter) {
        String name = qualifiedName(testCase);
        for (Element child : children(testCase)) {
            switch (child.getTagName()) {
                case "failure" -> {
                    counter.failed++;
                    counter.failures.add(new TestFailure(name, message(child), false));
                    return;
                }
                case "error" -> {
                    counter.errors++;
                    counter.failures.add(new TestFailure(name, message(child), true));
                    return;
                }
                case "skipped" -> {
                    counter.skipped++;
                    return;
                }
                default -> {
                }
            }
        }
        counter.passed++;
    }

    private static String qualifiedName(Element testCase) {
        String name = testCase.getAttribute("name");
        String className = testCase.getAttribute("classname");
        if (name.isEmpty()) {
            name = "<unnamed test>";
        }
        return className.isEmpty() ? name : className + "." + name;
    }

    /** The message attribute, or the first non-blank line of the body when the runner gave none. */
    private static String message(Element outcome) {
        String message = outcome.getAttribute("message");
        if (!message.isBlank()) {
            return message.strip();
        }
        return outcome.getTextContent().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    }

    private static int count(Element suite, String attribute) throws JUnitXmlException {
        String value = suite.getAttribute(attribute);
        if (value.isBlank()) {
            return 0;
        }
        try {
            int count = Integer.parseInt(value.strip());
            if (count < 0) {
                throw new NumberFormatException("negative");
            }
            return count;
        } catch (NumberFormatException e) {
            throw new JUnitXmlException("testsuite attribute " + attribute + "=\"" + value + "\" is not a count");
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static DocumentBuilder builder() throws JUnitXmlException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // Parse errors are thrown, not printed to stderr as the default handler does.
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new JUnitXmlException("no safe XML parser available", e);
        }
    }

    private static final class Counter {
        private int passed;
        private int failed;
        private int skipped;
        private int errors;
        private final List<TestFailure> failures = new ArrayList<>();
    }
}
