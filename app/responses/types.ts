/** Shapes the thread components render: serialisable, already sanitised, no personal data. */
import type { LanguageCode } from "~/i18n/languages";
import type { CommentStatus, CommentTarget, ShownAuthor } from "./rules";

export type CommentView = {
  id: number;
  parentId: number | null;
  depth: number;
  status: CommentStatus;
  /** null on a placeholder: a hidden or deleted comment shows no author and no words */
  author: ShownAuthor | null;
  official: boolean;
  /** sanitised HTML from renderMarkdown(…, "comment") */
  html: string;
  /** on a hidden comment's placeholder: the house rule it was hidden under (never the moderator's note) */
  hiddenUnder: { key: string; title: string } | null;
  createdAt: string;
  editedAt: string | null;
  mine: boolean;
  canEdit: boolean;
  canDelete: boolean;
  canReply: boolean;
  canReport: boolean;
  replies: CommentView[];
  /** replies not shown under this comment (they are on its own page) */
  moreReplies: number;
};

/** Who is reading: their own pending comments are shown to them, and they may edit their own. */
export type Reader = { respondentId: number | null; officerId: number | null; accepting: boolean; councilName: string; /** the page's language: house rules' titles in it */ lang?: LanguageCode };


export type ThreadPage = { comments: CommentView[]; page: number; pages: number; totalTopLevel: number };

export type OfficialAnswerView = CommentView & { target: CommentTarget; inReplyTo: { name: string; excerpt: string; anonymous?: boolean } | null };

/** A link from a row of the proposal to its thread, with how many comments it has. */
/** `labelTranslated`: the label is already in the page's language (a statutory characteristic), not the council's English. */
export type ThreadLink = { id: number; label: string; count: number; href: string; type?: CommentTarget["type"]; code?: string | null; labelTranslated?: boolean };
export type ItemThreads = { risks: ThreadLink[]; dependencies: ThreadLink[]; mitigations: ThreadLink[]; equality: ThreadLink[] };
