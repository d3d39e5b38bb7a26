package dev.onboardingengine.api.webhook;

import java.net.InetAddress;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Where webhooks may go: the check of a URL when it is subscribed, and the HTTP client that every
 * delivery goes through, which checks the address again at each connection ({@link GuardedConnections}).
 * One parser (OkHttp's {@link HttpUrl}) reads the URL in both places, so the host that was checked is
 * the host that is connected to.
 */
@Component
class WebhookDestinations {

    private final WebhookProperties properties;
    private final HostResolver resolver;
    private final DestinationRules rules;

    WebhookDestinations(WebhookProperties properties, HostResolver resolver) {
        this.properties = properties;
        this.resolver = resolver;
        this.rules = new DestinationRules(properties.allowedNetworks());
    }

    /** What is wrong with {@code url} as a subscription's address, as the message for the {@code url} field. */
    Optional<String> problemWith(String url) {
        HttpUrl parsed = HttpUrl.parse(url);
        // HttpUrl also reads "https:host" or "https:\\host"; a subscription spells its URL out.
        if (parsed == null
                || !(url.regionMatches(true, 0, "https://", 0, 8) || url.regionMatches(true, 0, "http://", 0, 7))) {
            return Optional.of("An absolute https URL is required.");
        }
        if (!parsed.isHttps() && !properties.allowHttp()) {
            return Optional.of("An https URL is required (http is allowed only with ONBOARDING_WEBHOOKS_ALLOW_HTTP).");
        }
        if (!parsed.username().isEmpty() || !parsed.password().isEmpty()) {
            return Optional.of("Credentials in the URL are not accepted: they would be stored and logged in clear. "
                    + "Receivers authenticate a delivery by its signature.");
        }
        List<InetAddress> addresses;
        InetAddress literal = Network.literal(parsed.host());
        try {
            addresses = literal != null ? List.of(literal) : resolver.resolve(parsed.host());
        } catch (UnknownHostException e) {
            return Optional.of("The host " + parsed.host() + " does not resolve.");
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = rules.refusal(address);
            if (refusal.isPresent()) {
                String where = literal != null
                        ? address.getHostAddress()
                        : parsed.host() + " resolves to " + address.getHostAddress() + ", which";
                return Optional.of("Not allowed: " + where + " is " + refusal.get()
                        + ". An administrator may allow its network with ONBOARDING_WEBHOOKS_ALLOWED_NETWORKS.");
            }
        }
        return Optional.empty();
    }

    /**
     * The client for deliveries: no redirects (a 3xx is a failed attempt, so a receiver cannot bounce a
     * delivery to an address that was never checked), no proxy (the rules judge the receiver's own address),
     * no retry behind the back of the delivery log, and {@code timeout} for the whole attempt.
     */
    OkHttpClient client() {
        return new OkHttpClient.Builder()
                .dns(GuardedConnections.dns(resolver, rules))
                .socketFactory(GuardedConnections.sockets(rules))
                .proxy(Proxy.NO_PROXY)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .callTimeout(properties.timeout())
                .connectTimeout(properties.timeout())
                .readTimeout(properties.timeout())
                .writeTimeout(properties.timeout())
                .build();
    }
}
