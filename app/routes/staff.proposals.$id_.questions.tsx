/** 11. Consultation questions: a few, each answered with a stance and free text. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/page-title";
import { RowListPage } from "~/components/RowList";
import { nextPath, proposalPath, sectionPath } from "~/proposals/sections/pages";
import { MAX_QUESTIONS } from "~/proposals/sections/questions";
import { pageBasics, requireEditing } from "~/proposals/sections/route.server";

const TITLE = "Consultation questions";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `${TITLE} – ${data.proposal.title}` : TITLE) }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const e = await requireEditing(request, params);
  return { ...pageBasics(e, context, "questions"), questions: e.proposal.questions };
}

export default function QuestionsPage() {
  const { proposal, needs, questions } = useLoaderData<typeof loader>();
  const base = sectionPath(proposal.id, "questions");
  return (
    <RowListPage
      caption={proposal.title}
      heading={TITLE}
      intro={
        <p className="govuk-body">
          Ask a few clear questions. Respondents answer each one on a scale from strongly agree to strongly disagree, and in their own words. You can ask up to {MAX_QUESTIONS}.
        </p>
      }
      needs={needs}
      cards={questions.map((q, i) => ({
        key: q.id,
        title: `Question ${i + 1}`,
        changeHref: `${base}/${q.id}`,
        changeLabel: `question ${i + 1}`,
        rows: [{ key: "Question", value: q.question }],
      }))}
      emptyText="No questions have been added yet."
      addHref={questions.length < MAX_QUESTIONS ? `${base}/new` : null}
      addText={questions.length ? "Add another question" : "Add a question"}
      continueHref={nextPath(proposal.id, "questions")}
      backHref={proposalPath(proposal.id)}
    />
  );
}
