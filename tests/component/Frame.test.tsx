// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import { RouterProvider, createMemoryRouter } from "react-router-dom";
import { afterEach, describe, expect, it } from "vitest";
import { contrastRatio, FALLBACK_BRAND_COLOUR, headerColour } from "~/components/colour";
import { DemoBanner, SiteFooter, SiteHeader, StaffNavigation, type FrameData } from "~/components/Frame";
import { pageTitle } from "~/components/page-title";

afterEach(cleanup);

const council: FrameData["council"] = { name: "Northmoor Borough Council", serviceName: "Northmoor Consultations", brandColour: "#1f4e4a" };

function renderHeader(viewer: FrameData["viewer"]) {
  // Remix's <Form> needs a data router.
  const router = createMemoryRouter([
    {
      path: "*",
      element: (
        <>
          <SiteHeader council={council} viewer={viewer} />
          <StaffNavigation viewer={viewer} />
        </>
      ),
    },
  ]);
  return render(<RouterProvider router={router} />);
}

describe("SiteHeader", () => {
  it("names the council and the service, links home, and carries the brand colour", () => {
    const { container } = renderHeader(null);
    const home = screen.getByRole("link", { name: /Northmoor Borough Council\s*Northmoor Consultations/ });
    expect(home).toHaveAttribute("href", "/");
    expect(container.querySelector("header")?.getAttribute("style")).toContain("--app-brand-colour: #1f4e4a");
    expect(container.textContent).not.toMatch(/GOV\.UK/);
  });

  it("offers staff sign in to the public", () => {
    renderHeader(null);
    const nav = screen.getByRole("navigation", { name: "Menu" });
    expect(within(nav).getByRole("link", { name: "Consultations" })).toHaveAttribute("href", "/consultations");
    expect(within(nav).getByRole("link", { name: "Staff sign in" })).toHaveAttribute("href", "/staff/sign-in");
    expect(within(nav).queryByRole("button", { name: "Sign out" })).toBeNull();
  });

  it("gives signed-in staff the staff area's sections and a sign-out form that POSTs", () => {
    renderHeader({ name: "Priya Shah", roles: ["officer"], isStaff: true });
    const staffNav = screen.getByRole("navigation", { name: "Staff area" });
    expect(within(staffNav).getByRole("link", { name: "Proposals" })).toHaveAttribute("href", "/staff");
    expect(within(staffNav).getByRole("link", { name: "Union notices" })).toHaveAttribute("href", "/staff/notices");
    const button = screen.getByRole("button", { name: "Sign out" });
    const form = button.closest("form")!;
    expect(form.getAttribute("method")).toBe("post");
    expect(form.getAttribute("action")).toBe("/staff/sign-out");
    expect(screen.queryByRole("link", { name: "Staff sign in" })).toBeNull();
  });

  it("gives a signed-in union rep sign out and their notices, but not the staff area", () => {
    renderHeader({ name: "Sam Rep", roles: ["union_rep"], isStaff: false });
    expect(screen.queryByRole("link", { name: "Proposals" })).toBeNull();
    expect(screen.getByRole("link", { name: "Your union notices" })).toHaveAttribute("href", "/notices");
    expect(screen.getByRole("button", { name: "Sign out" })).toBeInTheDocument();
  });
});

describe("DemoBanner and SiteFooter", () => {
  it("says the demo is fictional", () => {
    render(<DemoBanner />);
    // What a visitor reads, not the constant the component happens to use.
    expect(screen.getByText("This is a demonstration site. The council, the people and the proposals are fictional.")).toBeInTheDocument();
  });

  it("links the accessibility statement and privacy notice and licenses content under the OGL", () => {
    render(<SiteFooter council={council} />);
    expect(screen.getByRole("link", { name: "Accessibility statement" })).toHaveAttribute("href", "/accessibility");
    expect(screen.getByRole("link", { name: "Privacy notice" })).toHaveAttribute("href", "/privacy");
    expect(screen.getByRole("link", { name: "Open Government Licence v3.0" })).toHaveAttribute("rel", "license");
    expect(screen.getByRole("contentinfo")).toHaveTextContent("© Northmoor Borough Council");
  });
});

describe("header colour contrast", () => {
  it("computes WCAG contrast ratios", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 1);
    expect(contrastRatio("#ffffff", "#ffffff")).toBeCloseTo(1, 5);
    expect(contrastRatio("#1f4e4a", "#ffffff")).toBeGreaterThan(9);
    expect(contrastRatio("red", "#ffffff")).toBeNull();
  });

  it("keeps a dark brand colour and replaces one white text cannot be read on", () => {
    expect(headerColour("#1F4E4A")).toBe("#1f4e4a");
    expect(headerColour("#ffdd00")).toBe(FALLBACK_BRAND_COLOUR); // yellow: about 1.4:1
    expect(headerColour("#767676")).toBe("#767676"); // 4.54:1, just enough
    expect(headerColour("#777777")).toBe(FALLBACK_BRAND_COLOUR); // 4.48:1, not enough
    expect(headerColour(undefined)).toBe(FALLBACK_BRAND_COLOUR);
    expect(contrastRatio(FALLBACK_BRAND_COLOUR, "#ffffff")).toBeGreaterThanOrEqual(4.5);
  });
});

describe("pageTitle", () => {
  const matches = [{ id: "root", data: { council, demo: false, viewer: null } }];
  it("reads “Page – Service – Council”", () => {
    expect(pageTitle(matches, "Accessibility statement")).toBe("Accessibility statement – Northmoor Consultations – Northmoor Borough Council");
    expect(pageTitle(matches)).toBe("Northmoor Consultations – Northmoor Borough Council");
  });
  it("starts 'Error: ' when a form posted without JavaScript was refused (the root's data marked by entry.server.tsx), once", () => {
    const refused = [{ id: "root", data: { council, demo: false, viewer: null, formError: true } }];
    expect(pageTitle(refused, "Email updates")).toBe("Error: Email updates – Northmoor Consultations – Northmoor Borough Council");
    expect(pageTitle(refused, "Email updates", { error: true })).toBe("Error: Email updates – Northmoor Consultations – Northmoor Borough Council");
  });
  it("copes without the root data", () => {
    expect(pageTitle([], "Page not found")).toBe("Page not found");
    expect(pageTitle(undefined)).toBe("Consultations");
  });
});

describe("SiteHeader navigation state", () => {
  it("marks the current page, and its section on pages within it", () => {
    const at = (path: string) => {
      const router = createMemoryRouter([{ path: "*", element: <SiteHeader council={council} viewer={null} /> }], { initialEntries: [path] });
      return render(<RouterProvider router={router} />);
    };
    at("/consultations");
    expect(screen.getByRole("link", { name: "Consultations" })).toHaveAttribute("aria-current", "page");
    cleanup();
    at("/consultations/camhs-social-work");
    expect(screen.getByRole("link", { name: "Consultations" })).toHaveAttribute("aria-current", "true");
    cleanup();
    at("/privacy");
    expect(screen.getByRole("link", { name: "Consultations" })).not.toHaveAttribute("aria-current");
  });
});
