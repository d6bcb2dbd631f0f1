package dev.assay.server.git;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Enumeration;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;

import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.TooLargeObjectInPackException;
import org.eclipse.jgit.errors.TooLargePackException;
import org.eclipse.jgit.http.server.GitServlet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JGit's {@code GitServlet}, except that a push refused by the checks of
 * {@link dev.assay.server.git.push.PushChecks} is logged as one line: JGit logs it as an internal error with a
 * stack trace, which anyone allowed to push could repeat to flood the log. The pusher already got the reason.
 */
final class QuietRefusalsGitServlet extends GitServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(QuietRefusalsGitServlet.class);

    @Override
    public void init(ServletConfig config) throws ServletException {
        ServletContext quiet = quiet(config.getServletContext());
        super.init(new ServletConfig() {
            @Override
            public String getServletName() {
                return config.getServletName();
            }

            @Override
            public ServletContext getServletContext() {
                return quiet;
            }

            @Override
            public String getInitParameter(String name) {
                return config.getInitParameter(name);
            }

            @Override
            public Enumeration<String> getInitParameterNames() {
                return config.getInitParameterNames();
            }
        });
    }

    /** The servlet context with {@code log(message, failure)} of refused pushes turned into one line. */
    private static ServletContext quiet(ServletContext context) {
        return (ServletContext) Proxy.newProxyInstance(QuietRefusalsGitServlet.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, arguments) -> {
                    if (isLogOfRefusal(method, arguments)) {
                        String message = String.valueOf(arguments[0]); // "Internal error during receive-pack to REPO"
                        LOG.info("push to {} refused: {}", message.substring(message.lastIndexOf(' ') + 1),
                                ((Throwable) arguments[1]).getMessage());
                        return null;
                    }
                    try {
                        return method.invoke(context, arguments);
                    } catch (InvocationTargetException failure) {
                        throw failure.getCause();
                    }
                });
    }

    private static boolean isLogOfRefusal(Method method, Object[] arguments) {
        return method.getName().equals("log") && arguments != null && arguments.length == 2
                && arguments[1] instanceof Throwable failure
                && (failure instanceof CorruptObjectException || failure instanceof TooLargePackException
                        || failure instanceof TooLargeObjectInPackException
                        || failure instanceof MissingObjectException);
    }
}
