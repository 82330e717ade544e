package org.switchboard.channel.email.mime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.switchboard.channel.email.Mailbox;

/**
 * Parses a received message with Jakarta Mail: RFC 2047 headers, any charset the JVM knows (KOI8-R,
 * Windows-1251, …), nested multiparts, attachments within the mailbox's size limits.
 */
public final class MimeParser {
    private static final Pattern BRACKETED = Pattern.compile("<([^<>\\s]+)>");
    private static final int MAX_DEPTH = 16;
    private static final int MAX_ID_LENGTH = 512;
    private static final int MAX_FILE_NAME = 255;

    private final Session session;
    private final Mailbox.Limits limits;

    public MimeParser(Mailbox.Limits limits) {
        Properties props = new Properties();
        // RFC 2231 and sloppy RFC 2047 in file names, as common mail clients write them
        props.setProperty("mail.mime.decodefilename", "true");
        props.setProperty("mail.mime.decodetext.strict", "false");
        props.setProperty("mail.mime.parameters.strict", "false");
        this.session = Session.getInstance(props);
        this.limits = limits;
    }

    /** Parses a whole message (headers and body as received). */
    public ParsedMail parse(byte[] raw) throws MalformedMailException {
        try {
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
            Sender sender = sender(message);
            Content content = new Content();
            walk(message, content, 0);
            String text = content.text;
            if (text == null && content.html != null) {
                text = HtmlText.of(content.html);
            }
            return new ParsedMail(id(message.getHeader("Message-ID", null)), sender.address, sender.name,
                    subject(message), text == null ? "" : text, content.html, content.attachments, content.skipped,
                    id(message.getHeader("In-Reply-To", " ")), ids(message.getHeader("References", " ")),
                    sentAt(message), automation(message, sender.address));
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new MalformedMailException("cannot parse the message: " + e, e);
        }
    }

    /** The Message-ID header of a message, without brackets; {@code null} without one (headers only are read). */
    public static String messageId(jakarta.mail.Message message) throws MessagingException {
        String[] values = message.getHeader("Message-ID");
        return values == null || values.length == 0 ? null : id(values[0]);
    }

    private record Sender(String address, String name) {
    }

    private static Sender sender(MimeMessage message) throws MessagingException, MalformedMailException {
        for (String header : new String[] {"From", "Sender", "Reply-To"}) {
            String value = message.getHeader(header, ",");
            if (value == null || value.isBlank()) {
                continue;
            }
            InternetAddress[] parsed = InternetAddress.parseHeader(value, false);
            for (InternetAddress a : parsed) {
                String address = a.getAddress();
                if (address != null && address.indexOf('@') > 0 && !address.contains(" ")) {
                    String name = a.getPersonal();
                    return new Sender(address.toLowerCase(Locale.ROOT),
                            name == null || name.isBlank() ? null : shorten(name.strip(), 200));
                }
            }
        }
        throw new MalformedMailException("the message has no usable sender address (From, Sender, Reply-To)", null);
    }

    private static String subject(MimeMessage message) throws MessagingException {
        String subject = message.getSubject();
        if (subject == null) {
            return null;
        }
        subject = subject.replaceAll("[\\r\\n\\t]+", " ").strip();
        return subject.isEmpty() ? null : shorten(subject, 998);
    }

    private static Instant sentAt(MimeMessage message) {
        try {
            java.util.Date date = message.getSentDate();
            return date == null ? null : date.toInstant();
        } catch (MessagingException e) {
            return null;
        }
    }

    /** Why not to answer this message automatically (RFC 3834 and common practice), or {@code null}. */
    private static String automation(MimeMessage message, String from) throws MessagingException {
        String autoSubmitted = message.getHeader("Auto-Submitted", ",");
        if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return "Auto-Submitted: " + autoSubmitted.strip();
        }
        String precedence = message.getHeader("Precedence", ",");
        if (precedence != null) {
            String p = precedence.strip().toLowerCase(Locale.ROOT);
            if (p.equals("bulk") || p.equals("list") || p.equals("junk")) {
                return "Precedence: " + p;
            }
        }
        if (message.getHeader("List-Id") != null) {
            return "List-Id";
        }
        String suppress = message.getHeader("X-Auto-Response-Suppress", ",");
        if (suppress != null && suppress.matches("(?i).*\\b(all|oof|autoreply)\\b.*")) {
            return "X-Auto-Response-Suppress: " + suppress.strip();
        }
        String returnPath = message.getHeader("Return-Path", ",");
        if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
            return "empty Return-Path";
        }
        String local = from.substring(0, from.indexOf('@'));
        if (local.equals("mailer-daemon") || local.equals("postmaster") || local.startsWith("noreply")
                || local.startsWith("no-reply") || local.startsWith("do-not-reply") || local.startsWith("donotreply")) {
            return "sender " + local;
        }
        if (message.isMimeType("multipart/report")) {
            return "delivery report";
        }
        return null;
    }

    private final class Content {
        String text;
        String html;
        final List<ParsedMail.MailPart> attachments = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();
        long stored;
    }

    private void walk(Part part, Content content, int depth) throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            content.skipped.add("parts nested deeper than " + MAX_DEPTH + " levels");
            return;
        }
        String fileName = fileName(part);
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
        if (part.isMimeType("multipart/*")) {
            Object body = part.getContent();
            if (body instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    walk(child, content, depth + 1);
                }
                return;
            }
        }
        if (!attachment && part.isMimeType("text/plain") && content.text == null) {
            content.text = text(part);
        } else if (!attachment && part.isMimeType("text/html") && content.html == null) {
            content.html = text(part);
        } else {
            attach(part, fileName, content);
        }
    }

    private void attach(Part part, String fileName, Content content) throws MessagingException, IOException {
        String type = baseType(part.getContentType());
        String name = fileName != null ? fileName
                : "part-" + (content.attachments.size() + content.skipped.size() + 1) + extension(type);
        long room = Math.min(limits.maxAttachmentBytes(), limits.maxAttachmentsBytes() - content.stored);
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = readAtMost(in, room);
        }
        if (bytes == null) {
            content.skipped.add(name + " (" + type + "): larger than "
                    + (room < limits.maxAttachmentBytes() ? "what is left of the message's attachment limit" : "the attachment limit")
                    + " of " + limits.maxAttachmentBytes() + " bytes");
            return;
        }
        content.stored += bytes.length;
        content.attachments.add(new ParsedMail.MailPart(name, type, bytes));
    }

    /** The bytes, or {@code null} when there are more than {@code limit}. */
    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        if (limit < 0) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > limit) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** A text part in its declared charset; undeclared or unknown: UTF-8 if it is valid, else Windows-1252. */
    private static String text(Part part) throws MessagingException, IOException {
        String charset = new ContentType(part.getContentType()).getParameter("charset");
        if (charset != null) {
            try {
                Object content = part.getContent();
                if (content instanceof String s) {
                    return s;
                }
            } catch (UnsupportedEncodingException e) {
                // an unknown charset: decode below
            }
        }
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readAllBytes();
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    private static String fileName(Part part) throws MessagingException {
        String name;
        try {
            name = part.getFileName();
        } catch (MessagingException e) {
            return "unnamed";
        }
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            name = MimeUtility.decodeText(name);
        } catch (UnsupportedEncodingException e) {
            // keep it as written
        }
        // no paths, no control characters
        name = name.replaceAll("[\\p{Cntrl}]", "").replaceAll(".*[/\\\\]", "").strip();
        return name.isEmpty() ? null : shorten(name, MAX_FILE_NAME);
    }

    private static String baseType(String contentType) {
        try {
            return new ContentType(contentType).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            return "application/octet-stream";
        }
    }

    private static String extension(String type) {
        return switch (type) {
            case "text/plain" -> ".txt";
            case "text/html" -> ".html";
            case "message/rfc822" -> ".eml";
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "application/pdf" -> ".pdf";
            default -> ".bin";
        };
    }

    /** The first bracketed id of a header, without brackets; a bare id as is; {@code null} if none or too long. */
    static String id(String header) {
        if (header == null) {
            return null;
        }
        Matcher m = BRACKETED.matcher(header);
        String id = m.find() ? m.group(1) : header.strip();
        return id.isEmpty() || id.length() > MAX_ID_LENGTH || id.chars().anyMatch(Character::isWhitespace) ? null : id;
    }

    /** Every bracketed id of a header (References), in order, without brackets. */
    static List<String> ids(String header) {
        List<String> ids = new ArrayList<>();
        if (header != null) {
            Matcher m = BRACKETED.matcher(header);
            while (m.find()) {
                if (m.group(1).length() <= MAX_ID_LENGTH) {
                    ids.add(m.group(1));
                }
            }
        }
        return ids;
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
