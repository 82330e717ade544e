package org.switchboard.telephony.campaign;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.switchboard.telephony.campaigns.cfg}. */
@ObjectClassDefinition(name = "Switchboard – reminder call campaigns",
        description = "How often the reminder dialler looks for numbers to call")
public @interface CampaignDialerConfig {
    String PID = "org.switchboard.telephony.campaigns";

    @AttributeDefinition(description = "Seconds between two looks for numbers due (window open, retry time come, pacing allowing)")
    int intervalSeconds() default 5;

    @AttributeDefinition(description = "Minutes after which a call whose outcome never came (PBX connection lost) counts as UNKNOWN")
    int outcomeTimeoutMinutes() default 10;
}
