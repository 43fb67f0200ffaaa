package nl.dossier.gateway.config;

import com.nimbusds.jose.JWSAlgorithm;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How owners authenticate: tokens from the eduID issuer, checked against its JWKS.
 *
 * @param issuer the expected {@code iss}
 * @param audience the expected {@code aud} (the gateway's client id)
 * @param jwksUrl where the issuer publishes its keys
 * @param algorithms the signature algorithms accepted; anything else is rejected
 * @param clockSkew tolerance on {@code exp} and {@code nbf}
 * @param jwksMinRefreshInterval how soon an unknown {@code kid} may trigger another JWKS fetch
 */
public record AuthConfig(
    String issuer,
    String audience,
    String jwksUrl,
    Set<JWSAlgorithm> algorithms,
    Duration clockSkew,
    Duration jwksMinRefreshInterval) {
  public static final Set<JWSAlgorithm> DEFAULT_ALGORITHMS =
      Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256);
  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);
  public static final Duration DEFAULT_JWKS_MIN_REFRESH_INTERVAL = Duration.ofSeconds(10);

  public AuthConfig {
    Objects.requireNonNull(issuer, "auth.issuer is required");
    Objects.requireNonNull(audience, "auth.audience is required");
    Objects.requireNonNull(jwksUrl, "auth.jwksUrl is required");
    algorithms = algorithms == null ? DEFAULT_ALGORITHMS : Set.copyOf(algorithms);
    if (algorithms.isEmpty()) {
      throw new IllegalArgumentException("auth.algorithms must not be empty");
    }
    for (JWSAlgorithm algorithm : algorithms) {
      if (JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)) {
        throw new IllegalArgumentException(
            "auth.algorithms must be asymmetric, but was " + algorithm);
      }
    }
    clockSkew = clockSkew == null ? DEFAULT_CLOCK_SKEW : clockSkew;
    if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException(
          "auth.clockSkew must be between 0 and PT5M, but was " + clockSkew);
    }
    jwksMinRefreshInterval =
        jwksMinRefreshInterval == null ? DEFAULT_JWKS_MIN_REFRESH_INTERVAL : jwksMinRefreshInterval;
  }
}
