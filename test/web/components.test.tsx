// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LanguageSwitch } from "../../web/src/App.js";
import { LANG_KEY } from "../../web/src/i18n.js";
import { I18nProvider, useI18n } from "../../web/src/i18n-react.js";
import { tokenFromHash } from "../../web/src/pages/auth-form.js";
import { Avatar, Clock, initials } from "../../web/src/ui.js";

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  localStorage.clear();
});

function Title() {
  const { t } = useI18n();
  return <h1>{t("overview_title")}</h1>;
}

describe("language", () => {
  beforeEach(() => localStorage.clear());

  it("starts in Chinese for a Chinese browser, switches, and remembers the choice", () => {
    vi.spyOn(navigator, "languages", "get").mockReturnValue(["zh-CN", "en"]);
    render(
      <I18nProvider>
        <Title />
        <LanguageSwitch />
      </I18nProvider>,
    );
    expect(screen.getByRole("heading").textContent).toBe("总览");
    expect(document.documentElement.lang).toBe("zh-CN");
    fireEvent.change(screen.getByLabelText("语言"), { target: { value: "en" } });
    expect(screen.getByRole("heading").textContent).toBe("Overview");
    expect(localStorage.getItem(LANG_KEY)).toBe("en");
    cleanup();
    render(
      <I18nProvider>
        <Title />
      </I18nProvider>,
    );
    expect(screen.getByRole("heading").textContent).toBe("Overview");
  });
});

describe("the running clock", () => {
  it("ticks each second from the injection and stops at the end", () => {
    vi.useFakeTimers();
    const start = Date.now() - 65_000;
    render(
      <I18nProvider lang="en">
        <Clock start={start} label="Elapsed" />
      </I18nProvider>,
    );
    expect(screen.getByRole("timer").textContent).toBe("01:05");
    act(() => {
      vi.advanceTimersByTime(3_000);
    });
    expect(screen.getByRole("timer").textContent).toBe("01:08");
    expect(screen.getByRole("timer").getAttribute("aria-label")).toBe("Elapsed 01:08");
    cleanup();
    render(
      <I18nProvider lang="en">
        <Clock start={start} end={start + 3_600_000 + 5_000} />
      </I18nProvider>,
    );
    act(() => {
      vi.advanceTimersByTime(5_000);
    });
    expect(screen.getByRole("timer").textContent).toBe("1:00:05");
  });
});

describe("avatars and links", () => {
  it("shows a Chinese name's first character and a Latin name's initials", () => {
    expect(initials("陈晓")).toBe("陈");
    expect(initials("Ms. Lin")).toBe("ML");
    expect(initials("  ")).toBe("?");
    const { container } = render(<Avatar id="p-1" name="Amy Wu" />);
    expect(container.textContent).toBe("AW");
  });

  it("reads the setup token from the fragment and an invite token from the whole fragment", () => {
    expect(tokenFromHash("#token=abc123def456", "token")).toBe("abc123def456");
    expect(tokenFromHash("", "token")).toBeUndefined();
    expect(tokenFromHash("#eyJhbGciOi.payload.sig")).toBe("eyJhbGciOi.payload.sig");
  });
});
