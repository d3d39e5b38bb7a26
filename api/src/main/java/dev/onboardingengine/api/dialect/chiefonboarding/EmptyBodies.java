package dev.onboardingengine.api.dialect.chiefonboarding;

import java.lang.reflect.Type;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * An empty body to {@code POST /api/users/} is the empty object, as Django REST framework's
 * {@code Request._parse} makes it ({@code {}} when there is no stream): the answer names every required
 * field instead of refusing the body. The JSON literal {@code null} stays an error of its own.
 */
@ControllerAdvice(assignableTypes = ChiefOnboardingController.class)
class EmptyBodies extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return CreateUserRequest.class.equals(targetType);
    }

    @Override
    public Object handleEmptyBody(Object body, HttpInputMessage inputMessage, MethodParameter parameter,
            Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return body != null ? body : CreateUserRequest.EMPTY;
    }
}
