package nl.dossier.mocks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.ArrayList;
import java.util.List;

/** The mock issuer's RSA keys, newest first; generated in memory, never stored. */
final class SigningKeys {
  private volatile List<RSAKey> keys = List.of(generate());

  synchronized void rotate() {
    var rotated = new ArrayList<RSAKey>();
    rotated.add(generate());
    rotated.addAll(keys);
    keys = List.copyOf(rotated);
  }

  String sign(JWTClaimsSet claims) {
    RSAKey current = keys.get(0);
    var header =
        new JWSHeader.Builder(JWSAlgorithm.RS256)
            .keyID(current.getKeyID())
            .type(JOSEObjectType.JWT)
            .build();
    var jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(new RSASSASigner(current));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign with the mock key", e);
    }
    return jwt.serialize();
  }

  boolean verify(SignedJWT jwt) {
    if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
      return false;
    }
    for (RSAKey key : keys) {
      if (key.getKeyID().equals(jwt.getHeader().getKeyID())) {
        return verify(jwt, key);
      }
    }
    return false;
  }

  String publicJwks() {
    return new JWKSet(List.<JWK>copyOf(keys)).toPublicJWKSet().toString();
  }

  private static boolean verify(SignedJWT jwt, RSAKey key) {
    try {
      return jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()));
    } catch (JOSEException e) {
      return false;
    }
  }

  private static RSAKey generate() {
    try {
      return new RSAKeyGenerator(2048)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .keyIDFromThumbprint(true)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate the mock key", e);
    }
  }
}
