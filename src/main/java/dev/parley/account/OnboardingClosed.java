package dev.parley.account;

/** The installation was onboarded already (or has accounts): onboarding is closed for good. */
public class OnboardingClosed extends RuntimeException {

    public OnboardingClosed() {
        super("This installation is set up already; sign in instead.");
    }
}
