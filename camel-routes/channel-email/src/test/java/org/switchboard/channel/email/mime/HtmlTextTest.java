package org.switchboard.channel.email.mime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void dropsMarkupScriptsAndStylesAndDecodesEntities() {
        assertThat(HtmlText.of("<style>b{}</style><script>x()</script><b>Fish &lt;&amp;&gt; chips</b>"))
                .isEqualTo("Fish <&> chips");
    }

    @Test
    void keepsParagraphsAndLineBreaksAsLines() {
        assertThat(HtmlText.of("<div>one</div><div>two<br>three</div><p></p><p></p><p>four</p>"))
                .isEqualTo("one\ntwo\nthree\nfour");
    }

    @Test
    void showsWhereLinksGo() {
        assertThat(HtmlText.of("<a href=\"https://x.example/a\">here</a> and <a href=\"javascript:evil()\">there</a>"))
                .isEqualTo("here <https://x.example/a> and there");
    }
}
