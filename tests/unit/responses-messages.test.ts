/** The comment pages' messages from the server, said in the page's language (issue 14). */
import { describe, expect, it } from "vitest";
import { translator } from "~/i18n/i18n";
import { localMessage } from "~/responses/messages";
import {
  CLOSED_MESSAGE,
  COMMENT_MAX_CHARS,
  COMMENTS_CLOSED_MESSAGE,
  DUPLICATE_COMMENT,
  REPORT_DETAILS_MAX_CHARS,
  TOO_MANY_COMMENTS,
  TOO_MANY_REPORTS,
  WITHDRAWN_MESSAGE,
  canReplyTo,
} from "~/responses/rules";
import { checkBody } from "~/responses/comments.server";
import { commentSchemaIn, reportSchemaIn } from "~/responses/schemas";

const bn = translator("bn");
const en = translator("en");
const bengali = /[\u0980-\u09FF]/;

describe("localMessage", () => {
  const english = [
    TOO_MANY_COMMENTS,
    DUPLICATE_COMMENT,
    TOO_MANY_REPORTS,
    CLOSED_MESSAGE,
    WITHDRAWN_MESSAGE,
    COMMENTS_CLOSED_MESSAGE,
    (canReplyTo({ status: "hidden", depth: 0 }) as { message: string }).message,
    (canReplyTo({ status: "visible", depth: 2 }) as { message: string }).message,
    (checkBody("   ") as { message: string }).message,
    (checkBody("x".repeat(COMMENT_MAX_CHARS + 1)) as { message: string }).message,
    `Your details must be ${REPORT_DETAILS_MAX_CHARS} characters or fewer`,
    "Select why you are reporting this comment",
    "Tell us what is wrong with this comment",
    "You can no longer edit this comment. Comments can be changed for 15 minutes after posting.",
    "This comment cannot be deleted",
  ];

  it("says every message the comment writes return in Bengali", () => {
    for (const message of english) expect(localMessage(message, bn), message).toMatch(bengali);
  });

  it("leaves English as it is on an English page, and an unknown message as it is anywhere", () => {
    for (const message of english) expect(localMessage(message, en)).toBe(message);
    expect(localMessage("Something nobody planned for", bn)).toBe("Something nobody planned for");
  });

  it("keeps the number in a limit", () => {
    expect(localMessage(`Your comment must be ${COMMENT_MAX_CHARS.toLocaleString("en-GB")} characters or fewer`, bn)).toContain("5,000");
  });
});

describe("the comment and report forms' checks in the page's language", () => {
  it("an empty comment and an empty report are refused in Bengali, the same as in English otherwise", () => {
    const empty = commentSchemaIn(bn).safeParse({ body: "  " });
    expect(empty.success).toBe(false);
    expect(empty.error?.issues[0].message).toBe(bn("commentPages.messages.commentMissing"));
    expect(commentSchemaIn(en).safeParse({ body: "" }).error?.issues[0].message).toBe("Enter your comment");
    const report = reportSchemaIn(bn).safeParse({});
    expect(report.error?.issues[0].message).toBe(bn("commentPages.messages.reportRuleMissing"));
  });
});
