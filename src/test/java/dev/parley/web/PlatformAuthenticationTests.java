package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Without a configured platform token the platform API is closed to everyone. */
class PlatformAuthenticationTests {

    @Test
    void closedWhenNoPlatformTokenIsConfigured() {
        var request = new MockHttpServletRequest("POST", "/platform/api/v1/accounts");
        request.addHeader("api_access_token", "");
        assertThatThrownBy(() -> new PlatformAuthentication("").preHandle(request, new MockHttpServletResponse(), new Object()))
                .isInstanceOf(NotAuthenticated.class);
        var guessing = new MockHttpServletRequest("POST", "/platform/api/v1/accounts");
        guessing.addHeader("api_access_token", "anything");
        assertThatThrownBy(() -> new PlatformAuthentication("").preHandle(guessing, new MockHttpServletResponse(), new Object()))
                .isInstanceOf(NotAuthenticated.class);
    }

    @Test
    void opensForTheExactToken() {
        var request = new MockHttpServletRequest("POST", "/platform/api/v1/accounts");
        request.addHeader("api_access_token", "s3cret");
        assertThat(new PlatformAuthentication("s3cret").preHandle(request, new MockHttpServletResponse(), new Object())).isTrue();
    }
}
