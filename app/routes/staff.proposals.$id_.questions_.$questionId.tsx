/** 11. One consultation question. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/page-title";
import { SectionFormPage, useSectionForm } from "~/components/SectionForm";
import { Checkboxes, Textarea } from "~/components/form-fields";
import { removeRow, saveQuestion } from "~/proposals/editing.server";
import { sectionPath } from "~/proposals/sections/pages";
import { MAX_QUESTIONS, questionSchema } from "~/proposals/sections/questions";
import { invalid, pageBasics, requireEditing, requireEditingToSave, rowFrom, runRemoveAction, runSectionAction } from "~/proposals/sections/route.server";
import { parseWithZod } from "@conform-to/zod/v4";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `${data.heading} – ${data.proposal.title}` : "Question", { error: data?.formError }) }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const e = await requireEditing(request, params);
  const question = rowFrom(e.proposal.questions, params.questionId);
  const n = question ? e.proposal.questions.indexOf(question) + 1 : e.proposal.questions.length + 1;
  return {
    ...pageBasics(e, context, "questions", (u) => !!question && (u.field ?? "").startsWith(`questions.${question.id}.`)),
    heading: `Question ${n}`,
    isNew: !question,
    canRemove: !!question && e.mode === "draft",
    defaults: { question: question?.question ?? "", personal: question?.personal ? "yes" : "" },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const e = await requireEditingToSave(request, params);
  const question = rowFrom(e.proposal.questions, params.questionId);
  const formData = await request.formData();
  const list = sectionPath(e.proposal.id, "questions");
  if (question && formData.get("intent") === "remove") return runRemoveAction(e, formData, context, (input) => removeRow(e.viewer, e.proposal.id, "questions", question.id, input), list);
  if (!question && e.proposal.questions.length >= MAX_QUESTIONS) {
    return invalid(context, parseWithZod(formData, { schema: questionSchema() }).reply({ formErrors: [`You can ask up to ${MAX_QUESTIONS} questions: change or remove one instead`] }), e.proposal.revision);
  }
  return runSectionAction(e, formData, context, {
    section: "questions",
    schema: questionSchema,
    save: (input, value) => saveQuestion(e.viewer, e.proposal.id, question?.id ?? null, input, value),
    next: () => list,
  });
}

export default function QuestionPage() {
  const { proposal, revision, isPublicEdit, needs, heading, canRemove, defaults } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const state = useSectionForm({ id: "question-form", defaults, reply, revision, firstField: "question" });
  return (
    <SectionFormPage formId="question-form" state={state} needs={needs} caption={proposal.title} backHref={sectionPath(proposal.id, "questions")} backText="Back to the questions" isPublicEdit={isPublicEdit} closesOn={proposal.closesOn} removeText={canRemove ? "Remove this question" : undefined}>
      <Textarea
        id="question"
        name="question"
        label={heading}
        labelSize="l"
        isPageHeading
        hint="One question, in plain words, for example 'How would this change affect you or your family?'"
        rows={3}
        defaultValue={state.text("question")}
        error={state.error("question")}
      />
      <Checkboxes
        id="personal"
        name="personal"
        legend="Is this question about the respondent’s own circumstances?"
        legendSize="s"
        hint="For example their child, their health or their care. Answers to a personal question are read by the council and never published, even by respondents who agree to publish their other answers."
        options={[{ value: "yes", label: "Yes, it is personal: never publish the answers" }]}
        defaultValue={state.text("personal")}
        error={state.error("personal")}
      />
    </SectionFormPage>
  );
}
