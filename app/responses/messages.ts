/**
 * The comment writes (comments.server.ts, moderation.server.ts) and their checks answer in
 * English, as the staff pages and the API read them; a page in another language shows the same
 * message from its catalogue. Pure: a known message becomes its translation, anything else is
 * returned as it is.
 */
import { translator, type Translate } from "~/i18n/i18n";
import {
  CLOSED_MESSAGE,
  COMMENT_MAX_CHARS,
  COMMENTS_CLOSED_MESSAGE,
  DUPLICATE_COMMENT,
  NOT_OPEN_MESSAGE,
  REPORT_DETAILS_MAX_CHARS,
  TOO_MANY_COMMENTS,
  TOO_MANY_REPORTS,
  WITHDRAWN_MESSAGE,
} from "./rules";

const n = (value: number) => value.toLocaleString("en-GB");

/** Each English message and how to say it in any language. */
function messages(t: Translate): [string, string][] {
  const en = translator("en");
  const pairs: [string, (tt: Translate) => string][] = [
    [TOO_MANY_COMMENTS, (tt) => tt("commentPages.messages.tooManyComments")],
    [DUPLICATE_COMMENT, (tt) => tt("commentPages.messages.duplicate")],
    [TOO_MANY_REPORTS, (tt) => tt("commentPages.messages.tooManyReports")],
    [CLOSED_MESSAGE, (tt) => tt("commentPages.messages.closed")],
    [NOT_OPEN_MESSAGE, (tt) => tt("commentPages.messages.notOpen")],
    [WITHDRAWN_MESSAGE, (tt) => tt("commentPages.form.withdrawn")],
    [COMMENTS_CLOSED_MESSAGE, (tt) => tt("commentPages.form.closed")],
    ["This consultation has closed", (tt) => tt("commentPages.messages.closed")],
    [en("commentPages.messages.commentMissing"), (tt) => tt("commentPages.messages.commentMissing")],
    [
      `Your comment must be ${n(COMMENT_MAX_CHARS)} characters or fewer`,
      (tt) =>
        tt("commentPages.messages.commentTooLong", {
          max: n(COMMENT_MAX_CHARS),
        }),
    ],
    [en("commentPages.messages.cannotReply"), (tt) => tt("commentPages.messages.cannotReply")],
    [en("commentPages.messages.replyTooDeep"), (tt) => tt("commentPages.messages.replyTooDeep")],
    [en("commentPages.messages.parentMissing"), (tt) => tt("commentPages.messages.parentMissing")],
    [en("commentPages.messages.noLongerEditable"), (tt) => tt("commentPages.messages.noLongerEditable")],
    [en("commentPages.messages.cannotDelete"), (tt) => tt("commentPages.messages.cannotDelete")],
    [en("commentPages.messages.reportRuleMissing"), (tt) => tt("commentPages.messages.reportRuleMissing")],
    [en("commentPages.messages.reportDetailsMissing"), (tt) => tt("commentPages.messages.reportDetailsMissing")],
    // moderation.server.ts writes this number without grouping
    [
      `Your details must be ${REPORT_DETAILS_MAX_CHARS} characters or fewer`,
      (tt) =>
        tt("commentPages.messages.reportDetailsTooLong", {
          max: String(REPORT_DETAILS_MAX_CHARS),
        }),
    ],
    [
      `Your details must be ${n(REPORT_DETAILS_MAX_CHARS)} characters or fewer`,
      (tt) =>
        tt("commentPages.messages.reportDetailsTooLong", {
          max: n(REPORT_DETAILS_MAX_CHARS),
        }),
    ],
  ];
  return pairs.map(([english, say]) => [english, say(t)]);
}

/** `message` (English, from a write or a check) in `t`'s language, when it is one we know. */
export function localMessage(message: string, t: Translate): string {
  return messages(t).find(([english]) => english === message)?.[1] ?? message;
}
