import { expect, test, type CDPSession, type Locator } from "@playwright/test";
import { TOUCH_ACTIVATION } from "../../components/board/pointer-activation";
import { DEMO } from "./helpers/demo-accounts";
import { accessToken, signIn } from "./helpers/login";

// A phone: touch input, 375 px wide, the columns stacked.
test.use({ hasTouch: true, isMobile: true, viewport: { width: 375, height: 740 } });

type Point = { x: number; y: number };

/** A finger on the screen through Chromium's input pipeline, so the page scrolls as it would. */
async function touch(cdp: CDPSession, path: Point[], holdMs = 0): Promise<void> {
  const [start, ...rest] = path;
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [start!] });
  if (holdMs) await new Promise((resolve) => setTimeout(resolve, holdMs));
  for (const point of rest) {
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [point] });
    await new Promise((resolve) => setTimeout(resolve, 16));
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
}

function steps(from: Point, to: Point, count: number): Point[] {
  return Array.from({ length: count + 1 }, (_, i) => ({
    x: from.x + ((to.x - from.x) * i) / count,
    y: from.y + ((to.y - from.y) * i) / count,
  }));
}

async function centre(locator: Locator): Promise<Point> {
  const box = (await locator.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test("on a phone a swipe over the cards scrolls the board; holding a card still picks it up", async ({
  page,
  request,
}) => {
  const token = await accessToken(request, DEMO.manager);
  const title = `Touch card ${Date.now().toString(36)}`;
  const created = await request.post("/api/tasks/", {
    headers: { authorization: `Bearer ${token}` },
    data: { title },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: number };
  const statusNow = async () =>
    (
      (await (
        await request.get(`/api/tasks/${id}/`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as { status: string }
    ).status;

  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  await page.goto("/board");
  await expect(page.locator('[id^="DndLiveRegion"]')).toBeAttached();
  const card = page.locator(`section[data-column="TODO"] li[data-task-id="${id}"]`);
  await card.scrollIntoViewIfNeeded();
  const cdp = await page.context().newCDPSession(page);

  // A swipe up from the card: the page scrolls, the task stays where it was.
  const scrolledBefore = await page.evaluate(() => window.scrollY);
  const from = await centre(card);
  await touch(cdp, steps(from, { x: from.x, y: from.y - 250 }, 12));
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolledBefore);
  await expect(page.getByText(`“${title}” moved to`)).toHaveCount(0);
  expect(await statusNow()).toBe("TODO");

  // Held still for a moment, then moved: the card is picked up and dropped in another column
  // (the board narrowed to it, so that the next column is on the screen too).
  await page.goto(`/board?search=${encodeURIComponent(title)}`);
  await expect(page.locator('[id^="DndLiveRegion"]')).toBeAttached();
  const target = page.locator('section[data-column="IN_PROGRESS"]');
  await target.scrollIntoViewIfNeeded();
  const start = await centre(card);
  const into = await centre(target.getByRole("heading").first());
  await touch(cdp, steps(start, into, 15), TOUCH_ACTIVATION.delay + 200);
  await expect(page.getByText(`“${title}” moved to In progress.`)).toBeVisible();
  expect(await statusNow()).toBe("IN_PROGRESS");
});
