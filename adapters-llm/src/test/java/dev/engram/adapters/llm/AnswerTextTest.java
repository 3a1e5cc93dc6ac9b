package dev.engram.adapters.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.domain.json.JsonArray;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonValue;
import org.junit.jupiter.api.Test;

/** Where the JSON is in the answers models actually give. */
class AnswerTextTest {
    @Test
    void plainJson() {
        assertThat(AnswerText.json(" {\"operations\": []}\n")).containsInstanceOf(JsonObject.class);
    }

    @Test
    void theFirstFencedBlockThatParses() {
        JsonValue json = AnswerText.json("Thinking...\n```\nnot json\n```\nAnswer:\n```json\n{\"operations\": [1]}\n```").orElseThrow();
        assertThat(((JsonObject) json).get("operations")).isEqualTo(new JsonArray(java.util.List.of(dev.engram.domain.json.JsonNumber.of(1))));
    }

    @Test
    void anObjectEmbeddedInProse_skippingBracesInsideStringsAndStrayBracketsBefore() {
        JsonValue json = AnswerText.json("Note [1]: the {key} part. {\"operations\": [{\"content\": \"use } and ] freely\"}]} Done.").orElseThrow();
        assertThat(json).isInstanceOf(JsonObject.class);
    }

    @Test
    void aBareArray_asTheSeedsPromptAskedFor() {
        assertThat(AnswerText.json("Rules:\n[\"Read logs\", \"Do not escalate\"]")).containsInstanceOf(JsonArray.class);
    }

    @Test
    void nothingWhenThereIsNoJson_orOnlyAHalfOfIt() {
        assertThat(AnswerText.json("I cannot do that.")).isEmpty();
        assertThat(AnswerText.json("{\"operations\": [{\"op\": \"add\"")).isEmpty();
    }
}
