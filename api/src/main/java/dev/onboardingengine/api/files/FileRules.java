package dev.onboardingengine.api.files;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What an uploaded file may be: its size and the media types its content may have (detected from the
 * bytes, so a renamed executable is refused whatever its name says).
 */
@ConfigurationProperties("onboarding.files")
public record FileRules(
        @DefaultValue("5MB") DataSize maxSize,
        @DefaultValue({
                "application/pdf", "image/png", "image/jpeg"}) List<String> allowedTypes) {
}
