package org.switchboard.api;

/**
 * A file that came with a contact, stored by Switchboard and referenced by id.
 *
 * @param id          the store's id for the content
 * @param fileName    the name the sender gave it
 * @param contentType its MIME type
 * @param size        its size in bytes
 */
public record AttachmentRef(String id, String fileName, String contentType, long size) {
    public AttachmentRef {
        id = Checks.required("attachments.id", id, 128);
        fileName = Checks.optional("attachments.fileName", fileName, 255);
        contentType = Checks.optional("attachments.contentType", contentType, 255);
        if (size < 0) {
            throw new InvalidContactException("attachments.size", "must not be negative");
        }
    }
}
