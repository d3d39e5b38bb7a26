package dev.onboardingengine.api.portal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.stereotype.Controller;

/**
 * Marks a controller of the new hire's page: its routes live under {@code /portal/{token}/...}, it
 * resolves the token with {@link MagicLinks#require(String)}, and {@link PortalErrors} answers its
 * {@link PortalLinkNotValid} with the one "link not valid" page. Forms and documents pages that want to
 * live beside the home page use it too.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PortalController {
}
