// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import { RouterProvider, createMemoryRouter } from "react-router-dom";
import { afterEach, describe, expect, it } from "vitest";
import { ConsultationListPage, consultationDates, type ConsultationListData } from "~/components/ConsultationList";
import { fileTypeLabel, formatDate, formatDateTime, formatFileSize, formatMoney, formatPercent } from "~/components/format";
import { Pagination, pageItems } from "~/components/Pagination";
import { contentDisposition } from "~/routes/consultations.$slug.documents.$documentId";

afterEach(cleanup);

function inRouter(element: JSX.Element) {
  const router = createMemoryRouter([{ path: "*", element }]);
  return render(<RouterProvider router={router} />);
}

const data: ConsultationListData = {
  isHome: false,
  status: "open",
  page: 2,
  pages: 3,
  total: 45,
  items: [
    {
      slug: "camhs-social-work",
      title: "Restructure of social work in CAMHS",
      state: "open",
      serviceName: "Child and Adolescent Mental Health Services",
      excerpt: "We propose to delete the 12 social work posts…",
      opensOn: "2027-01-05",
      closesOn: "2027-02-12",
    },
  ],
};

describe("ConsultationListPage", () => {
  it("lists each consultation with its title link, state, service, dates and excerpt", () => {
    inRouter(<ConsultationListPage data={data} basePath="/consultations" councilName="Northmoor Borough Council" />);
    const item = screen.getByRole("link", { name: "Restructure of social work in CAMHS" });
    expect(item).toHaveAttribute("href", "/consultations/camhs-social-work");
    const li = item.closest("li")!;
    expect(li).toHaveTextContent("Open");
    expect(li).toHaveTextContent("Child and Adolescent Mental Health Services");
    expect(li).toHaveTextContent("Closes 12 February 2027");
    expect(li).toHaveTextContent("We propose to delete the 12 social work posts…");
  });

  it("filters with a GET form of radios, the current filter checked", () => {
    const { container } = inRouter(<ConsultationListPage data={data} basePath="/consultations" />);
    const form = container.querySelector<HTMLElement>("form.app-filter")!;
    expect(form.getAttribute("method")).toBe("get");
    expect(form.getAttribute("action")).toBe("/consultations");
    const group = within(form).getByRole("group", { name: "Show consultations" });
    expect(within(group).getAllByRole("radio").map((r) => (r as HTMLInputElement).value)).toEqual(["all", "open", "closed", "concluded", "withdrawn"]);
    expect(within(group).getByRole("radio", { name: "Open" })).toBeChecked();
  });

  it("has a search box that goes to the search page", () => {
    const { container } = inRouter(<ConsultationListPage data={data} basePath="/consultations" />);
    const search = container.querySelector("form[role=search]")!;
    expect(search.getAttribute("action")).toBe("/search");
    expect(search.getAttribute("method")).toBe("get");
    expect(within(search as HTMLElement).getByRole("searchbox", { name: "Search consultations and comments" })).toHaveAttribute("name", "q");
  });

  it("pages with links that keep the filter", () => {
    inRouter(<ConsultationListPage data={data} basePath="/consultations" />);
    const nav = screen.getByRole("navigation", { name: "Pages of consultations" });
    expect(within(nav).getByRole("link", { name: /Previous\s*page/ })).toHaveAttribute("href", "/consultations?status=open");
    expect(within(nav).getByRole("link", { name: /Next\s*page/ })).toHaveAttribute("href", "/consultations?status=open&page=3");
    expect(within(nav).getByRole("link", { name: "Page 2" })).toHaveAttribute("aria-current", "page");
  });

  it("says so when there is nothing to show", () => {
    inRouter(<ConsultationListPage data={{ ...data, items: [], total: 0, page: 1, pages: 1 }} basePath="/" />);
    expect(screen.getByText("There are no open consultations at the moment.")).toBeInTheDocument();
    expect(screen.queryByRole("navigation", { name: "Pages of consultations" })).toBeNull();
  });
});

describe("consultationDates", () => {
  it("gives the date that matters for each state", () => {
    const dates = { opensOn: "2027-01-05", closesOn: "2027-02-12" };
    expect(consultationDates({ state: "open", ...dates })).toBe("Closes 12 February 2027");
    expect(consultationDates({ state: "closed", ...dates })).toBe("Closed 12 February 2027");
    expect(consultationDates({ state: "decided", ...dates, decidedOn: "2027-04-20" })).toBe("Decided 20 April 2027");
    expect(consultationDates({ state: "outcome_published", ...dates })).toBe("Ran from 5 January 2027 to 12 February 2027");
    // A withdrawn consultation never shows its planned closing date as if it had run to it.
    expect(consultationDates({ state: "withdrawn", ...dates, withdrawnAt: "2027-01-20T10:00:00.000Z" })).toBe("Withdrawn 20 January 2027, before its planned closing date of 12 February 2027");
    expect(consultationDates({ state: "withdrawn", ...dates, withdrawnAt: "2027-03-01T10:00:00.000Z", closedAt: "2027-02-13T00:00:00.000Z" })).toBe("Withdrawn 1 March 2027, after closing on 12 February 2027");
  });
});

describe("Pagination", () => {
  it("shows first, last, current and neighbours, with gaps", () => {
    expect(pageItems(1, 1)).toEqual([1]);
    expect(pageItems(1, 3)).toEqual([1, 2, 3]);
    expect(pageItems(5, 10)).toEqual([1, null, 4, 5, 6, null, 10]);
    expect(pageItems(3, 10)).toEqual([1, 2, 3, 4, null, 10]);
  });

  it("renders nothing for a single page", () => {
    const { container } = inRouter(<Pagination page={1} pages={1} hrefFor={() => "/"} />);
    expect(container.querySelector("nav")).toBeNull();
  });
});

describe("formatting", () => {
  it("formats dates and instants the GOV.UK way", () => {
    expect(formatDate("2027-02-12")).toBe("12 February 2027");
    expect(formatDate("2026-06-30T23:30:00.000Z")).toBe("1 July 2026"); // UK summer time
    expect(formatDate("not a date")).toBe("");
    expect(formatDate(null)).toBe("");
    expect(formatDateTime("2026-01-05T15:05:00.000Z")).toBe("5 January 2026 at 3:05pm");
  });

  it("formats money, shares, sizes and file types", () => {
    expect(formatMoney(-540000)).toBe("£540,000");
    expect(formatPercent(0.25)).toBe("25%");
    expect(formatPercent(0.025)).toBe("2.5%");
    expect(formatFileSize(412000)).toBe("412 KB");
    expect(formatFileSize(1_250_000)).toBe("1.3 MB");
    expect(fileTypeLabel("application/pdf")).toBe("PDF");
    expect(fileTypeLabel("application/x-unknown", "data.ods")).toBe("ODS");
  });
});

describe("contentDisposition", () => {
  it("gives an ASCII filename and the exact one in UTF-8", () => {
    expect(contentDisposition("business-case.pdf")).toBe(`attachment; filename="business-case.pdf"; filename*=UTF-8''business-case.pdf`);
    expect(contentDisposition("Évaluation d'impact (draft).pdf")).toBe(
      `attachment; filename="Evaluation-d-impact-draft-.pdf"; filename*=UTF-8''%C3%89valuation%20d%27impact%20%28draft%29.pdf`,
    );
  });

  it("cannot be used to inject headers or paths", () => {
    const header = contentDisposition('../../etc/passwd"\r\nSet-Cookie: x=1');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toMatch(/^attachment; filename="[A-Za-z0-9._-]+"; filename\*=UTF-8''[A-Za-z0-9%._~!$&+,;=:@-]*$/);
    expect(contentDisposition("")).toContain('filename="document"');
  });
});
