package org.rulestead.web.admin.pages;

import jakarta.faces.FacesException;
import jakarta.faces.application.ProtectedViewException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * A postback whose view state is missing, forged or expired (the Faces CSRF check) is answered
 * 400 with a page saying nothing changed, not a server error.
 */
public class RefusedForms extends ExceptionHandlerFactory {

    public RefusedForms(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    private static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() throws FacesException {
            Iterator<ExceptionQueuedEvent> events =
                    getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                Throwable failure = events.next().getContext().getException();
                if (refusedForm(failure)) {
                    events.remove();
                    FacesContext context = FacesContext.getCurrentInstance();
                    try {
                        context.getExternalContext().responseSendError(400, "form not accepted");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    context.responseComplete();
                }
            }
            getWrapped().handle();
        }

        private static boolean refusedForm(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof ViewExpiredException || cause instanceof ProtectedViewException) {
                    return true;
                }
            }
            return false;
        }
    }
}
