package vn.dvc.system;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/** Vietnamese first: the language is Vietnamese unless the visitor chose English ({@code ?lang=en}). */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("lang");
        resolver.setDefaultLocale(VIETNAMESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
        registry.addInterceptor(new LanguageSwitch());
    }

    /**
     * Static files under their own prefixes only (with {@code spring.web.resources.add-mappings=false}): a
     * catch-all {@code /**} resource handler made every link of every page be looked up as a file in the
     * classpath while the page was rendered (docs/benchmarks.md, reception queue).
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/");
        registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/");
        registry.addResourceHandler("/favicon.ico").addResourceLocations("classpath:/static/");
    }

    /**
     * What every page needs for its language switch: the same address in the other language. Added after
     * the handler, and only when a view is rendered: API answers (JSON, files) and redirects skip it.
     */
    static class LanguageSwitch implements HandlerInterceptor {

        @Override
        public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                ModelAndView page) {
            if (page == null || !page.isReference() && page.getView() == null
                    || page.isReference() && page.getViewName().startsWith("redirect:")) {
                return;
            }
            Locale current = RequestContextUtils.getLocale(request);
            String other = "en".equals(current.getLanguage()) ? "vi" : "en";
            String url = UriComponentsBuilder.fromPath(request.getRequestURI())
                    .query(request.getQueryString())
                    .replaceQueryParam("lang", other)
                    .build().toUriString();
            page.addObject("otherLanguage", other);
            page.addObject("switchLanguageUrl", url);
        }
    }
}
