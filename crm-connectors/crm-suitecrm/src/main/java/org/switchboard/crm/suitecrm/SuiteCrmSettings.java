package org.switchboard.crm.suitecrm;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A checked {@link SuiteCrmConfig}: URLs without trailing slash, known grant, bounded numbers.
 * {@link #toString()} leaves the secrets out.
 */
record SuiteCrmSettings(String id, URI apiUrl, URI uiUrl, Grant grant, String clientId, String clientSecret,
                        String username, String password, Duration timeout, int writeConcurrency, Duration lookupBudget,
                        Duration lookupCacheTtl, int lookupCacheSize, List<CustomerModule> lookupModules,
                        String defaultRegion, String referenceField, String caseType, String casePriority) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    /** The OAuth2 grants SuiteCRM's V8 API offers. */
    enum Grant {
        CLIENT_CREDENTIALS("client_credentials"), PASSWORD("password");

        final String wireName;

        Grant(String wireName) {
            this.wireName = wireName;
        }

        static Grant of(String name) {
            for (Grant g : values()) {
                if (g.wireName.equals(name == null ? "" : name.strip())) {
                    return g;
                }
            }
            throw new IllegalArgumentException("grantType '" + name + "' is not client_credentials or password");
        }
    }

    SuiteCrmSettings {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("switchboard.crm.id '" + id
                    + "' must be 1 to 64 lower-case letters, digits, '-' or '_', starting with a letter");
        }
        apiUrl = httpUrl("apiUrl", apiUrl);
        uiUrl = uiUrl == null ? apiUrl : httpUrl("uiUrl", uiUrl);
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId is required");
        }
        if (clientSecret == null || clientSecret.isEmpty()) {
            throw new IllegalArgumentException(".clientSecret is required");
        }
        if (grant == Grant.PASSWORD && (username == null || username.isBlank() || password == null || password.isEmpty())) {
            throw new IllegalArgumentException("the password grant needs username and .password");
        }
        if (writeConcurrency < 1) {
            throw new IllegalArgumentException("writeConcurrency must be at least 1");
        }
        if (lookupModules.isEmpty()) {
            throw new IllegalArgumentException("lookupModules names no module");
        }
        if (!FIELD.matcher(referenceField).matches()) {
            throw new IllegalArgumentException("referenceField '" + referenceField + "' is not a field name");
        }
        lookupModules = List.copyOf(lookupModules);
        defaultRegion = defaultRegion == null || defaultRegion.isBlank() ? "ZZ" : defaultRegion.strip().toUpperCase(Locale.ROOT);
    }

    static SuiteCrmSettings of(SuiteCrmConfig c) {
        return new SuiteCrmSettings(c.switchboard_crm_id(), uri("apiUrl", c.apiUrl()),
                c.uiUrl() == null || c.uiUrl().isBlank() ? null : uri("uiUrl", c.uiUrl()), Grant.of(c.grantType()),
                c.clientId(), c._clientSecret(), c.username(), c._password(), Duration.ofMillis(c.timeoutMillis()),
                c.writeConcurrency(), Duration.ofMillis(c.lookupBudgetMillis()), Duration.ofSeconds(c.lookupCacheSeconds()),
                c.lookupCacheSize(), CustomerModule.all(c.lookupModules()), c.defaultRegion(), c.referenceField(),
                c.caseType(), c.casePriority());
    }

    private static URI uri(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " is required");
        }
        try {
            return URI.create(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " '" + value + "' is not a URL", e);
        }
    }

    private static URI httpUrl(String key, URI url) {
        if (url == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
            throw new IllegalArgumentException(key + " '" + url + "' must be an http or https URL");
        }
        String text = url.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }

    @Override
    public String toString() {
        return "SuiteCrmSettings[id=" + id + ", apiUrl=" + apiUrl + ", uiUrl=" + uiUrl + ", grant=" + grant
                + ", clientId=" + clientId + ", username=" + username + ", timeout=" + timeout + "]";
    }
}
