package org.ungis.contributions.contribution.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.ungis.contributions.contribution.Content;

/**
 * The body of a submission (POST) or a revision (PUT). On PUT, {@code processId} may be left out
 * (it cannot change), {@code note} tells the reviewers what changed and {@code expectedRevision} is
 * an alternative to the {@code If-Match} header.
 */
@Schema(description = "The content of a contribution (submission or new revision)")
record ContributionRequest(
    @Schema(
            description = "The call for inputs; must be open and before its deadline (POST)",
            example = "gdc-2023")
        String processId,
    @Schema(
            description = "Required, not blank",
            maxLength = Content.TITLE_MAX,
            requiredMode = Schema.RequiredMode.REQUIRED)
        String title,
    @Schema(description = "Optional", maxLength = Content.SUMMARY_MAX) String summary,
    @Schema(
            description = "Required, not blank; counted in Unicode characters",
            maxLength = Content.BODY_MAX,
            requiredMode = Schema.RequiredMode.REQUIRED)
        String body,
    @Schema(
            description = "An official UN language",
            allowableValues = {"AR", "ZH", "EN", "FR", "RU", "ES"},
            requiredMode = Schema.RequiredMode.REQUIRED)
        String language,
    @ArraySchema(
            schema = @Schema(pattern = "C([1-9]|1[01])", example = "C7"),
            uniqueItems = true,
            arraySchema = @Schema(description = "WSIS action lines C1-C11, no duplicates"))
        List<String> actionLines,
    @ArraySchema(
            schema = @Schema(minimum = "1", maximum = "17", example = "9"),
            uniqueItems = true,
            arraySchema =
                @Schema(description = "Sustainable Development Goals 1-17, no duplicates"))
        List<Integer> sdgs,
    @ArraySchema(
            schema = @Schema(format = "uri", maxLength = Content.LINK_MAX),
            uniqueItems = true,
            maxItems = Content.LINKS_MAX,
            arraySchema = @Schema(description = "Absolute http(s) URLs, no duplicates"))
        List<String> links,
    @Schema(description = "PUT only: what changed, for the reviewers") String note,
    @Schema(description = "PUT only: the revision this change is based on (or If-Match)")
        Integer expectedRevision) {

  Content.Draft draft() {
    return new Content.Draft(title, summary, body, language, actionLines, sdgs, links);
  }
}
