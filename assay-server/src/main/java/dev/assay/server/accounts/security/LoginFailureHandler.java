package dev.assay.server.accounts.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * A refused login goes back to the form with the user name it was tried with, so that only the password is typed
 * again; the name waits in the session for the next showing of the form, which takes it out.
 */
public class LoginFailureHandler extends SimpleUrlAuthenticationFailureHandler {

    /** The session attribute holding the user name of the last refused login. */
    public static final String TRIED_NAME = "assay.login.tried-name";
    private static final int LONGEST_NAME = 200;

    LoginFailureHandler() {
        super("/login?error");
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException, ServletException {
        String name = request.getParameter("username");
        if (name != null) {
            String kept = name.strip();
            request.getSession().setAttribute(TRIED_NAME,
                    kept.length() > LONGEST_NAME ? kept.substring(0, LONGEST_NAME) : kept);
        }
        super.onAuthenticationFailure(request, response, exception);
    }
}
