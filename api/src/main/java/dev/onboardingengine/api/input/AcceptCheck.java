package dev.onboardingengine.api.input;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.http.HttpMessageConverters;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.http.converter.GenericHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers 406 before the handler runs when nothing the handler returns can be written in a type the
 * {@code Accept} header allows. Spring MVC finds that out only when it writes the response, after the
 * handler committed its transaction: {@code POST /api/users/} with {@code Accept: text/html} answered 406
 * with the hire saved and its journey started. The producible types are the message converters' for the
 * handler's declared return type, exactly those Spring MVC chooses from when it writes; handlers that
 * return nothing (204) and views (the portal's pages) are not checked.
 */
final class AcceptCheck implements HandlerInterceptor {

    // Both exist only once Spring MVC is configured, after the interceptors are registered: read at use.
    private final ObjectProvider<ContentNegotiationManager> negotiation;
    private final ObjectProvider<HttpMessageConverters> converters;

    AcceptCheck(ObjectProvider<ContentNegotiationManager> negotiation,
            ObjectProvider<HttpMessageConverters> converters) {
        this.negotiation = negotiation;
        this.converters = converters;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        if (!(handler instanceof HandlerMethod method) || !writesBody(method)) {
            return true;
        }
        ResolvableType body = bodyType(method.getReturnType());
        Class<?> bodyClass = body.resolve(Object.class);
        if (bodyClass == void.class || bodyClass == Void.class) {
            return true;
        }
        List<MediaType> producible = producible(body, bodyClass);
        List<MediaType> acceptable = negotiation.getObject().resolveMediaTypes(new ServletWebRequest(request));
        for (MediaType accepted : acceptable) {
            for (MediaType type : producible) {
                if (accepted.isCompatibleWith(type)) {
                    return true;
                }
            }
        }
        throw new HttpMediaTypeNotAcceptableException(producible);
    }

    private static boolean writesBody(HandlerMethod method) {
        return method.hasMethodAnnotation(ResponseBody.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class)
                || HttpEntity.class.isAssignableFrom(method.getReturnType().getParameterType());
    }

    private static ResolvableType bodyType(MethodParameter returnType) {
        ResolvableType type = ResolvableType.forMethodParameter(returnType);
        return HttpEntity.class.isAssignableFrom(type.toClass()) ? type.as(HttpEntity.class).getGeneric(0) : type;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private List<MediaType> producible(ResolvableType body, Class<?> bodyClass) {
        Set<MediaType> types = new LinkedHashSet<>();
        for (HttpMessageConverter converter : converters.getObject().getConverters()) {
            boolean writes = converter instanceof GenericHttpMessageConverter generic
                    ? generic.canWrite(body.getType(), bodyClass, null)
                    : converter.canWrite(bodyClass, null);
            if (writes) {
                types.addAll(converter.getSupportedMediaTypes(bodyClass));
            }
        }
        return new ArrayList<>(types);
    }
}
