package org.switchboard.channel.email.mime;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML reduced to plain text that is safe to show anywhere: no markup, no scripts or styles, entities
 * decoded, paragraphs and line breaks kept as lines, links followed by their target.
 */
public final class HtmlText {
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "pre", "table", "ul", "ol", "hr", "section", "article", "header", "footer");

    private HtmlText() {
    }

    public static String of(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, head, template, noscript").remove();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    out.append(t.text());
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    newLine(out);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    if ("a".equals(e.normalName())) {
                        String href = e.attr("href");
                        if (href.startsWith("http://") || href.startsWith("https://")) {
                            if (!e.text().strip().equals(href)) {
                                out.append(" <").append(href).append('>');
                            }
                        }
                    } else if (BLOCKS.contains(e.normalName())) {
                        newLine(out);
                    }
                }
            }
        }, doc.body());
        StringBuilder text = new StringBuilder();
        boolean previousEmpty = true;
        for (String line : (Iterable<String>) out.toString().lines().map(String::strip)::iterator) {
            if (line.isEmpty() && previousEmpty) {
                continue; // at most one empty line in a row, none at the start
            }
            text.append(line).append('\n');
            previousEmpty = line.isEmpty();
        }
        return text.toString().strip();
    }

    private static void newLine(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }
}
