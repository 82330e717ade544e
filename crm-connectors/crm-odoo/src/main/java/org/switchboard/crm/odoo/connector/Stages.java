package org.switchboard.crm.odoo.connector;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.switchboard.api.TicketRef;

/**
 * A ticket model's stages, in sequence order, and how Switchboard's statuses map onto them. Unless
 * configured ({@code closed=Solved}), {@code open} is the first stage, {@code closed} the won stage
 * (crm.lead) or else the first folded one, {@code pending} the first stage after open that is not
 * closed. Any other status is a stage name, compared without regard to case.
 */
final class Stages {
    record Stage(long id, String name, boolean won, boolean folded) {
    }

    private final TicketModel model;
    private final List<Stage> stages;
    private final Map<String, Stage> byStatus = new HashMap<>();

    Stages(TicketModel model, List<Stage> stages, Map<String, String> configured) {
        this.model = model;
        this.stages = List.copyOf(stages);
        if (!stages.isEmpty()) {
            Stage open = stages.get(0);
            Stage closed = stages.stream().filter(Stage::won).findFirst()
                    .or(() -> stages.stream().filter(Stage::folded).findFirst()).orElse(null);
            byStatus.put(TicketRef.OPEN, open);
            if (closed != null) {
                byStatus.put(TicketRef.CLOSED, closed);
            }
            stages.stream().skip(1).filter(s -> s != closed).findFirst()
                    .ifPresent(s -> byStatus.put(TicketRef.PENDING, s));
        }
        configured.forEach((status, stageName) -> byName(stageName).ifPresent(
                s -> byStatus.put(status.toLowerCase(Locale.ROOT), s)));
    }

    /** Reads the answer of {@code search_read(stageModel, [], fields, order='sequence')}. */
    static Stages of(TicketModel model, JsonNode records, Map<String, String> configured) {
        List<Stage> list = new ArrayList<>();
        for (JsonNode r : records) {
            list.add(new Stage(r.path("id").asLong(), r.path("name").asText(""),
                    r.path("is_won").asBoolean(false), r.path("fold").asBoolean(false)));
        }
        return new Stages(model, list, configured);
    }

    /** The stage a status stands for. */
    Optional<Stage> forStatus(String status) {
        Stage mapped = byStatus.get(status.toLowerCase(Locale.ROOT));
        return mapped != null ? Optional.of(mapped) : byName(status);
    }

    /** The Switchboard status of a stage: open, pending or closed when mapped, else the stage's name. */
    String statusOf(long stageId) {
        for (String status : List.of(TicketRef.OPEN, TicketRef.PENDING, TicketRef.CLOSED)) {
            Stage s = byStatus.get(status);
            if (s != null && s.id() == stageId) {
                return status;
            }
        }
        return stages.stream().filter(s -> s.id() == stageId).map(Stage::name).findFirst().orElse(TicketRef.OPEN);
    }

    TicketModel model() {
        return model;
    }

    List<String> names() {
        return stages.stream().map(Stage::name).toList();
    }

    private Optional<Stage> byName(String name) {
        return stages.stream().filter(s -> s.name().equalsIgnoreCase(name.strip())).findFirst();
    }
}
