// @vitest-environment jsdom
/** How a thread reads: names as chosen, official answers marked, placeholders with no words, actions named for screen readers. */
import { cleanup, render, screen, within } from "@testing-library/react";
import { RouterProvider, createMemoryRouter } from "react-router-dom";
import { afterEach, describe, expect, it } from "vitest";
import { CommentList } from "~/responses/CommentThread";
import { ConsultationComments } from "~/responses/ConsultationComments";
import { ItemThreadList } from "~/responses/ItemThreadList";
import type { ConsultationResponses } from "~/responses/thread-page.server";
import type { CommentView } from "~/responses/types";

afterEach(cleanup);

function comment(overrides: Partial<CommentView>): CommentView {
  return {
    id: 1,
    parentId: null,
    depth: 0,
    status: "visible",
    author: { name: "Jo Bloggs", capacity: null },
    official: false,
    html: "<p>A comment</p>",
    hiddenUnder: null,
    createdAt: "2026-11-20T15:44:00.000Z",
    editedAt: null,
    mine: false,
    canEdit: false,
    canDelete: false,
    canReply: true,
    canReport: true,
    replies: [],
    moreReplies: 0,
    ...overrides,
  };
}

function renderInRouter(ui: JSX.Element) {
  return render(<RouterProvider router={createMemoryRouter([{ path: "*", element: ui }])} />);
}

describe("CommentList", () => {
  it("marks official answers and edits, and nests replies", () => {
    const thread = [
      comment({
        id: 1,
        replies: [comment({ id: 2, parentId: 1, depth: 1, official: true, author: { name: "Sam Okafor", capacity: "Northmoor Borough Council" }, html: "<p>Our answer</p>", editedAt: "2026-11-20T16:00:00.000Z" })],
      }),
    ];
    renderInRouter(<CommentList comments={thread} base="/consultations/camhs/comments" label="Comments on Risk R1" />);
    const replies = screen.getByRole("list", { name: "Replies to Jo Bloggs" });
    expect(within(replies).getByText("Official answer")).toBeInTheDocument();
    expect(within(replies).getByText("Sam Okafor")).toBeInTheDocument();
    expect(within(replies).getByText("(edited)")).toBeInTheDocument();
    expect(screen.getAllByText("20 November 2026 at 3:44pm")).toHaveLength(2);
    expect(screen.getByRole("link", { name: "Reply to Jo Bloggs" })).toHaveAttribute("href", "/consultations/camhs/comments/1#reply");
    expect(screen.getByRole("link", { name: "Report comment by Sam Okafor" })).toHaveAttribute("href", "/consultations/camhs/comments/2/report");
  });

  it("shows a hidden or deleted comment as a placeholder with no author and no words, keeping its replies", () => {
    const hidden = { status: "hidden" as const, author: null, html: "", canReply: false, canReport: false, hiddenUnder: { key: "personal-information", title: "Keep personal information out" } };
    const thread = [
      comment({ id: 1, ...hidden, replies: [comment({ id: 2, depth: 1, html: "<p>A reply</p>" })] }),
      comment({ id: 3, status: "deleted", author: null, html: "", canReply: false, canReport: false, replies: [comment({ id: 4, depth: 1 })] }),
    ];
    const { container } = renderInRouter(<CommentList comments={thread} base="/c" label="Comments" />);
    // Why it went, by which house rule, and where every hidden comment is listed.
    expect(container.querySelector("#comment-1 > .app-comment__body")).toHaveTextContent(
      "This comment was hidden by a moderator because it broke the house rule Keep personal information out. Every comment hidden is listed in the moderation log.",
    );
    expect(screen.getByRole("link", { name: "Keep personal information out" })).toHaveAttribute("href", "/house-rules#personal-information");
    expect(screen.getByRole("link", { name: "moderation log" })).toHaveAttribute("href", "/moderation-log");
    expect(screen.getByText("The author deleted this comment.")).toBeInTheDocument();
    expect(screen.getByText("A reply")).toBeInTheDocument();
    expect(container.querySelectorAll("#comment-1 > .app-comment__body a[href$='/report']")).toHaveLength(0);
  });

  it("says the house rules in general when the rule a comment was hidden under is not known", () => {
    renderInRouter(<CommentList comments={[comment({ status: "hidden", author: null, html: "", canReply: false, canReport: false, hiddenUnder: null })]} base="/c" label="Comments" />);
    expect(screen.getByText(/This comment was hidden by a moderator because it broke the/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "house rules" })).toHaveAttribute("href", "/house-rules");
  });

  it("offers the author edit and delete, and nobody a report of their own comment", () => {
    renderInRouter(<CommentList comments={[comment({ mine: true, canEdit: true, canDelete: true, canReport: false })]} base="/c" label="Comments" />);
    expect(screen.getByRole("link", { name: "Edit your comment" })).toHaveAttribute("href", "/c/1/edit");
    expect(screen.getByRole("link", { name: "Delete your comment" })).toHaveAttribute("href", "/c/1/delete");
    expect(screen.queryByRole("link", { name: /^Report/ })).toBeNull();
  });

  it("renders a name that looks like markup as text", () => {
    const { container } = renderInRouter(<CommentList comments={[comment({ author: { name: `<img src=x onerror=alert(1)>`, capacity: `for "><script>alert(1)</script>` } })]} base="/c" label="Comments" />);
    expect(screen.getByText(`<img src=x onerror=alert(1)>`)).toBeInTheDocument();
    expect(container.querySelector("img, script")).toBeNull();
  });
});

describe("ItemThreadList", () => {
  it("links each row to its thread with its count", () => {
    renderInRouter(
      <ItemThreadList
        heading="Comments on each risk"
        id="risk-threads"
        links={[
          { id: 1, label: "Risk R1", count: 3, href: "/c/risk/1" },
          { id: 2, label: "Risk R2", count: 0, href: "/c/risk/2" },
        ]}
      />,
    );
    const list = screen.getByRole("list", { name: "Comments on each risk" });
    expect(within(list).getByRole("link", { name: "Comments on Risk R1" })).toHaveAttribute("href", "/c/risk/1");
    expect(list).toHaveTextContent("Risk R1 (3 comments)");
    expect(list).toHaveTextContent("Risk R2 (no comments yet)");
  });

  describe("the comments section of a consultation page", () => {
    function responses(form: Partial<ConsultationResponses["form"]>): ConsultationResponses {
      return {
        accepting: form.mode !== "closed",
        counts: { online: 0, paper: 0, email: 0, phone: 0, event: 0, total: 0 } as ConsultationResponses["counts"],
        threads: { risks: [], dependencies: [], mitigations: [], equality: [] },
        preview: { comments: [comment({ canReply: false })], page: 1, pages: 1, totalTopLevel: 1 },
        proposalCommentCount: 1,
        officialCount: 0,
        form: { mode: "sign-in", closedMessage: null, signInHref: "/respondents/sign-in", profileHref: null, councilName: "Northmoor Borough Council", postingAs: null, ...form },
        commentsHref: "/consultations/x/comments",
      };
    }

    it("open: invites a comment, with the sign-in prompt", () => {
      renderInRouter(<ConsultationComments slug="x" responses={responses({})} />);
      expect(screen.getByRole("heading", { name: "Add a comment" })).toBeInTheDocument();
      expect(screen.getByRole("link", { name: "Sign in with your email address to comment" })).toBeInTheDocument();
      expect(screen.getByText(/You can also comment on a single risk/)).toBeInTheDocument();
    });

    it.each([
      ["closed", "This consultation has closed. The council is no longer taking comments."],
      ["withdrawn", "The council withdrew this proposal, so it is no longer taking responses or comments."],
    ])("%s: the comments stay readable, nothing invites another, and a sentence says why", (_state, why) => {
      const { container } = renderInRouter(<ConsultationComments slug="x" responses={responses({ mode: "closed", closedMessage: why })} />);
      expect(screen.getByText("A comment")).toBeInTheDocument();
      expect(screen.getByTestId("comments-closed")).toHaveTextContent(why);
      expect(screen.queryByRole("heading", { name: "Add a comment" })).toBeNull();
      expect(screen.queryByRole("link", { name: /^Sign in/ })).toBeNull();
      expect(screen.queryByRole("link", { name: /^Reply/ })).toBeNull();
      expect(screen.queryByText(/You can also comment/)).toBeNull();
      expect(container.querySelectorAll("textarea, form")).toHaveLength(0);
    });
  });
});
