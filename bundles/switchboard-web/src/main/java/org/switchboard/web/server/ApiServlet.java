package org.switchboard.web.server;

import java.util.concurrent.locks.Lock;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.cxf.Bus;
import org.apache.cxf.transport.http.DestinationRegistry;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;

/**
 * CXF's servlet on the {@link ApiServer}'s bus. The server owns the bus: the servlet container may
 * destroy and re-initialize the servlet (a context restart) without taking the API down. Requests
 * wait while the server is rebuilt instead of finding no endpoint.
 */
final class ApiServlet extends CXFNonSpringServlet {
    private static final long serialVersionUID = 1L;

    private final transient Lock serving;

    ApiServlet(Bus bus, DestinationRegistry registry, Lock serving) {
        super(registry, false);
        setBus(bus);
        this.serving = serving;
    }

    @Override
    protected void invoke(HttpServletRequest request, HttpServletResponse response) throws ServletException {
        serving.lock();
        try {
            super.invoke(request, response);
        } finally {
            serving.unlock();
        }
    }

    @Override
    public void destroyBus() {
        // the ApiServer shuts the bus down when it closes
    }
}
