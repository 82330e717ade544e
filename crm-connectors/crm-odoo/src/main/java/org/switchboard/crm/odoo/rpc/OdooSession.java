package org.switchboard.crm.odoo.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.spi.CrmException;

/**
 * Calls {@code object.execute_kw} as one Odoo user. {@code /jsonrpc} is stateless: the database,
 * the user id and the API key go with every call. The user id comes from
 * {@code common.authenticate(db, login, key, {})}, asked once and again after Odoo says
 * {@code AccessDenied} (a rotated key); the server's major version from {@code common.version}.
 * Signing in and the call share the call's timeout. The key never appears in messages or logs.
 */
public final class OdooSession {
    private static final Logger LOG = LoggerFactory.getLogger(OdooSession.class);

    private final JsonRpcClient rpc;
    private final String database;
    private final String login;
    private final String apiKey;
    private final CallRecord record;

    private record Login(int uid, int majorVersion) {
    }

    private volatile Login current;

    public OdooSession(JsonRpcClient rpc, String database, String login, String apiKey, CallRecord record) {
        this.rpc = rpc;
        this.record = record;
        this.database = database;
        this.login = login;
        this.apiKey = apiKey;
    }

    public ObjectMapper json() {
        return rpc.json();
    }

    /** The server's major version (16, 17, 18, …), logging in if needed. */
    public int majorVersion(Duration timeout) throws OdooException {
        try {
            return login(timeout).majorVersion();
        } catch (OdooException e) {
            record.failed(e);
            throw e;
        }
    }

    /** {@code model.method(*args, **kwargs)} as the configured user. */
    public JsonNode execute(String model, String method, ArrayNode args, ObjectNode kwargs, Duration timeout)
            throws OdooException {
        try {
            JsonNode result = call(model, method, args, kwargs, timeout);
            record.succeeded();
            return result;
        } catch (OdooException e) {
            record.failed(e);
            throw e;
        }
    }

    private JsonNode call(String model, String method, ArrayNode args, ObjectNode kwargs, Duration timeout)
            throws OdooException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Login session = login(timeout);
        Duration left = Duration.ofNanos(deadline - System.nanoTime());
        if (left.toMillis() < 1) {
            throw Faults.transport(model + "." + method, new HttpTimeoutException("signing in took the whole time"));
        }
        ArrayNode call = rpc.json().createArrayNode()
                .add(database).add(session.uid()).add(apiKey).add(model).add(method);
        call.add(args);
        call.add(kwargs == null ? rpc.json().createObjectNode() : kwargs);
        try {
            return rpc.call(model + "." + method, "object", "execute_kw", call, left);
        } catch (OdooException e) {
            if (e.isAccessDenied()) {
                current = null;
                throw new OdooException(CrmException.Disposition.REJECT, e.fault(),
                        "Odoo refused the API key of login '" + login + "' on database '" + database
                                + "' (" + model + "." + method + "); renew it in the connector's configuration", null);
            }
            throw e;
        }
    }

    private Login login(Duration timeout) throws OdooException {
        Login session = current;
        if (session != null) {
            return session;
        }
        synchronized (this) {
            if (current == null) {
                long deadline = System.nanoTime() + timeout.toNanos();
                JsonNode version = rpc.call("common.version", "common", "version", rpc.json().createArrayNode(), timeout);
                int major = version.path("server_version_info").path(0).asInt(0);
                ArrayNode args = rpc.json().createArrayNode().add(database).add(login).add(apiKey);
                args.addObject();
                Duration left = Duration.ofNanos(deadline - System.nanoTime());
                if (left.toMillis() < 1) {
                    throw Faults.transport("common.authenticate", new HttpTimeoutException("common.version took the whole time"));
                }
                JsonNode uid = rpc.call("common.authenticate", "common", "authenticate", args, left);
                if (!uid.isInt() || uid.asInt() <= 0) {
                    // Odoo answers false, not an error, to a wrong login or key
                    throw new OdooException(CrmException.Disposition.REJECT, OdooException.ACCESS_DENIED,
                            "Odoo refused login '" + login + "' on database '" + database
                                    + "': check the login and the API key", null);
                }
                LOG.info("Signed in to Odoo {} database '{}' as '{}' (uid {})",
                        version.path("server_version").asText("?"), database, login, uid.asInt());
                current = new Login(uid.asInt(), major);
            }
            return current;
        }
    }
}
