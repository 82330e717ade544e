package org.switchboard.channel.webhook;

import io.swagger.v3.oas.annotations.media.Schema;
import org.switchboard.api.Receipt;

/**
 * The answer to {@code POST /contacts}: {@code {"interactionId","contactId","duplicate"}}; a
 * duplicate carries the first receipt's ids.
 */
@Schema(name = "ContactReceipt")
public record ReceiptBody(long interactionId, long contactId, boolean duplicate) {

    static ReceiptBody of(Receipt receipt) {
        return new ReceiptBody(receipt.interactionId(), receipt.contactId(), receipt.duplicate());
    }
}
