package dev.parley.account;

/** A user with the access token, shown only to the platform API and to the user themself. */
public record UserView(long id, String name, String displayName, String email, String accessToken) {

    public String availableName() {
        return displayName == null || displayName.isBlank() ? name : displayName;
    }
}
