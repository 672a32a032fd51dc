package dev.parley.inbox;

import java.util.Map;

/**
 * A channel type beyond the API channel (e.g. email), implemented by its channel module: the inbox module stays
 * unaware of the protocol and asks it, inside the inbox's transaction, to check and store its settings.
 */
public interface InboxChannel {

    /** Whether this channel answers to the type a client sent ("email" or "Channel::Email"). */
    boolean handles(String type);

    /** Chatwoot's channel_type of its inboxes, e.g. {@code Channel::Email}. */
    String channelType();

    /**
     * Checks the channel settings sent for a new inbox ({@code before} is null) or a change (only the keys sent),
     * stores what is secret in the channel's own tables, and answers what the inbox JSON shows; throws
     * {@link dev.parley.shared.InvalidInput} for settings it refuses.
     */
    ChannelAttributes save(long accountId, long inboxId, Map<String, Object> requested, ChannelAttributes before);
}
