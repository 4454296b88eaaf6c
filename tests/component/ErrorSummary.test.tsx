// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ErrorSummary } from "~/components/ErrorSummary";
import { PasswordInput, Radios, TextInput } from "~/components/form-fields";
import { LanguageProvider } from "~/i18n/react";

afterEach(cleanup);

const errors = [
  { field: "email", message: "Enter your email address" },
  { field: "password", message: "Enter your password" },
];

describe("ErrorSummary", () => {
  it("shows the GOV.UK title and links each message to its field", () => {
    render(<ErrorSummary errors={errors} />);
    expect(screen.getByRole("alert")).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 2, name: "There is a problem" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Enter your email address" })).toHaveAttribute("href", "#email");
    expect(screen.getByRole("link", { name: "Enter your password" })).toHaveAttribute("href", "#password");
  });

  it("takes focus when it appears", () => {
    render(<ErrorSummary errors={errors} />);
    const summary = screen.getByRole("heading", { name: "There is a problem" }).closest(".govuk-error-summary");
    expect(summary).toHaveAttribute("tabindex", "-1");
    expect(summary).toHaveFocus();
  });

  it("takes focus again for a new failed attempt while already showing", () => {
    const { rerender } = render(<ErrorSummary errors={errors} focusKey={1} />);
    const summary = screen.getByRole("heading", { name: "There is a problem" }).closest(".govuk-error-summary") as HTMLElement;
    summary.blur();
    rerender(<ErrorSummary errors={errors} focusKey={1} />);
    expect(summary).not.toHaveFocus();
    rerender(<ErrorSummary errors={errors} focusKey={2} />);
    expect(summary).toHaveFocus();
  });

  it("renders nothing when there are no errors", () => {
    const { container } = render(<ErrorSummary errors={[]} />);
    expect(container).toBeEmptyDOMElement();
  });

  it("starts the page's title with 'Error: ' while it shows, and puts the title back when it goes", () => {
    document.title = "Subscribe – Consultations";
    const { rerender } = render(<ErrorSummary errors={errors} />);
    expect(document.title).toBe("Error: Subscribe – Consultations");
    rerender(<ErrorSummary errors={errors} focusKey={2} />);
    expect(document.title, "a second failed attempt adds no second prefix").toBe("Error: Subscribe – Consultations");
    rerender(<ErrorSummary errors={[]} />);
    expect(document.title).toBe("Subscribe – Consultations");
  });

  it("says 'Error:' in the page's language", () => {
    document.title = "সাবস্ক্রাইব";
    render(
      <LanguageProvider lang="bn">
        <ErrorSummary errors={errors} />
      </LanguageProvider>,
    );
    expect(document.title).toBe("ত্রুটি: সাবস্ক্রাইব");
  });

  it("leaves the next page's title alone when it goes with a navigation", () => {
    document.title = "Delete your comment";
    const { unmount } = render(<ErrorSummary errors={[{ message: "This comment cannot be deleted" }]} />);
    expect(document.title).toBe("Error: Delete your comment");
    document.title = "Comments";
    unmount();
    expect(document.title).toBe("Comments");
  });

  it("shows a problem that is not about a field as text, with what to do next below it", () => {
    render(
      <ErrorSummary title="The audit log failed its check" errors={[{ message: "Entry 7 does not match" }]}>
        <p>Keep a copy of the database.</p>
      </ErrorSummary>,
    );
    expect(screen.getByRole("alert")).toHaveTextContent("Entry 7 does not match");
    expect(screen.queryByRole("link")).toBeNull();
    expect(screen.getByText("Keep a copy of the database.")).toBeInTheDocument();
  });

  it("moves focus to the field when a link is followed", async () => {
    render(
      <>
        <ErrorSummary errors={errors} />
        <TextInput id="email" name="email" label="Email address" error="Enter your email address" />
        <PasswordInput id="password" name="password" label="Password" error="Enter your password" />
      </>,
    );
    await userEvent.click(screen.getByRole("link", { name: "Enter your password" }));
    expect(screen.getByLabelText("Password")).toHaveFocus();
  });
});

describe("form fields beside the summary", () => {
  it("repeat the message beside the field and tie hint and error to the input", () => {
    const { container } = render(
      <TextInput id="email" name="email" label="Email address" hint="Your council address" error={["Enter your email address"]} />,
    );
    const input = screen.getByLabelText("Email address");
    expect(input).toHaveAttribute("aria-describedby", "email-hint email-error");
    expect(input).toHaveClass("govuk-input--error");
    expect(container.querySelector(".govuk-form-group")).toHaveClass("govuk-form-group--error");
    const message = container.querySelector("#email-error");
    expect(message).toHaveClass("govuk-error-message");
    expect(message).toHaveTextContent("Error: Enter your email address");
    expect(message?.querySelector(".govuk-visually-hidden")).toHaveTextContent("Error:");
  });

  it("give the first radio the field's id, so the summary's link lands on it", () => {
    render(
      <Radios
        id="rating"
        name="rating"
        legend="What is the impact?"
        error="Select the impact"
        options={[
          { value: "positive", label: "Positive" },
          { value: "negative", label: "Negative" },
        ]}
      />,
    );
    expect(screen.getByLabelText("Positive")).toHaveAttribute("id", "rating");
    expect(screen.getByLabelText("Negative")).toHaveAttribute("id", "rating-2");
    expect(screen.getByRole("group", { name: "What is the impact?" })).toHaveAttribute("aria-describedby", "rating-error");
  });
});
