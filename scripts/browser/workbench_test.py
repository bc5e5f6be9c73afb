"""Browser test of the workbench (issue 6), run by scripts/browser/run.sh against `pingan serve --demo`.

An operator registers a dispute and sees it routed; the handler of that unit accepts and resolves it; a handler of
another unit cannot open it; a leader sees the dashboard change. Screenshots of every page go to SCREENSHOTS.
"""

import os
import re
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE = os.environ["PINGAN_BASE_URL"].rstrip("/")
PASSWORD = os.environ["PINGAN_DEMO_PASSWORD"]
SHOTS = os.environ["SCREENSHOTS"]
GRID = "990102002001001"  # 官园社区第1网格 in 官园街道
UNIT = "官园街道办事处"

options = Options()
options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,768",
                 "--lang=zh-CN", "--disable-gpu"):
    options.add_argument(argument)
driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
driver.implicitly_wait(5)
step = 0


def shot(name):
    """Saves a full-width screenshot of the current page."""
    global step
    step += 1
    height = driver.execute_script("return document.body.scrollHeight")
    driver.set_window_size(1366, max(768, min(height + 120, 6000)))
    path = os.path.join(SHOTS, f"{step:02d}-{name}.png")
    driver.save_screenshot(path)
    driver.set_window_size(1366, 768)
    print(f"  screenshot {path}")


def check(condition, message):
    if not condition:
        shot("failure")
        print(f"FAILED: {message}\n  at {driver.current_url}", file=sys.stderr)
        driver.quit()
        sys.exit(1)
    print(f"  ok: {message}")


def follow(element):
    """Clicks a link or a submit button and waits until the next page has replaced this one."""
    page = driver.find_element(By.TAG_NAME, "html")
    element.click()

    def replaced(_):
        try:
            page.is_enabled()
            return False
        except WebDriverException:  # stale, or Chromium's "node does not belong to the document" mid-navigation
            return True

    WebDriverWait(driver, 30).until(replaced)
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")


def text():
    return driver.find_element(By.TAG_NAME, "body").text


def login(username, password=PASSWORD):
    driver.delete_all_cookies()
    driver.get(BASE + "/login")
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(password)
    follow(driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))


def logout():
    follow(driver.find_element(By.CSS_SELECTOR, "form[action='/logout'] button"))
    check("/login" in driver.current_url, "signing out leads back to the login page")


def dashboard_total():
    driver.get(BASE + "/dashboard")
    return int(driver.find_element(By.ID, "total-cases").text)


print("== the login page, a wrong password")
driver.get(BASE + "/")
check("/login" in driver.current_url, "an anonymous visitor is sent to the login page")
shot("login")
login("operator.zhou", "not the password")
check("用户名或密码错误" in text(), "a wrong password says so in Chinese")
shot("login-failed")

print("== the leader's dashboard before")
login("leader.district")
before = dashboard_total()
check(before > 0, f"the leader's dashboard counts the demo ledger ({before} cases)")
check(len(driver.find_elements(By.CSS_SELECTOR, "svg.chart")) >= 5, "the dashboard draws its charts as SVG")
shot("dashboard-before")
logout()

print("== the operator registers a dispute and sees it routed")
login("operator.zhou")
check("/work" in driver.current_url and "我的待办" in text(), "the operator lands on 我的待办")
shot("operator-work")
driver.get(BASE + "/ledger")
check(len(driver.find_elements(By.CSS_SELECTOR, "table.cases tbody tr")) > 0, "the ledger lists cases")
Select(driver.find_element(By.ID, "kind")).select_by_value("dispute")
follow(driver.find_element(By.CSS_SELECTOR, ".filters button[type=submit]"))
kinds = {cell.text for cell in driver.find_elements(By.CSS_SELECTOR, "table.cases tbody td:nth-child(3)")}
check(kinds == {"矛盾纠纷"}, f"filtering the ledger by kind shows disputes only ({kinds})")
check(driver.find_element(By.PARTIAL_LINK_TEXT, "导出CSV").get_attribute("href").find("kind=dispute") > 0,
      "the CSV export link carries the filters")
shot("ledger")

driver.get(BASE + "/intake")
Select(driver.find_element(By.ID, "kind")).select_by_value("dispute")
Select(driver.find_element(By.ID, "level")).select_by_value("level3")
driver.find_element(By.ID, "category_code").send_keys("conflict.neighbour")
Select(driver.find_element(By.ID, "region_code")).select_by_value(GRID)
Select(driver.find_element(By.ID, "source")).select_by_value("walk_in")
driver.find_element(By.ID, "title").send_keys("浏览器测试:楼上漏水引发邻里纠纷")
driver.find_element(By.ID, "description").send_keys("楼上住户卫生间漏水,双方多次协商未果。")
driver.find_element(By.NAME, "party0_name").send_keys("张三")
driver.find_element(By.NAME, "party0_phone").send_keys("13800000000")
follow(driver.find_element(By.CSS_SELECTOR, "button[value=preview]"))
proposal = driver.find_element(By.CSS_SELECTOR, "#proposal .proposed-unit").text
check(proposal == UNIT, f"the router's proposal is shown before saving ({proposal})")
shot("intake-proposal")
follow(driver.find_element(By.CSS_SELECTOR, "button[value=save]"))
match = re.search(r"/cases/([A-Z0-9-]+)", driver.current_url)
check(match is not None, "saving opens the new case's page")
number = match.group(1)
check("待签收" in text() and UNIT in text(), f"case {number} is assigned to {UNIT}")
shot("case-routed")
logout()

print("== a handler of another unit cannot open it")
login("handler.police")
driver.get(BASE + f"/cases/{number}")
check("未找到" in text() and "张三" not in text(), "another unit's handler gets 'not found'")
shot("other-unit-not-found")
logout()

print("== the handler accepts and resolves it")
login("handler.guanyuan")
check(number in text(), "the case is in the handler's 我的待办")
follow(driver.find_element(By.CSS_SELECTOR, f"form[action='/cases/{number}/actions'] button"))
check("已完成" in text() and "签收" in text(), "one click accepts it")
shot("handler-work-accepted")
driver.get(BASE + f"/cases/{number}")
follow(driver.find_element(By.PARTIAL_LINK_TEXT, "查看当事人"))
check("张三" in text(), "the handling unit sees the parties on request")
shot("case-parties")
Select(driver.find_element(By.ID, "resolve-channel")).select_by_value("people_mediation")
driver.find_element(By.ID, "resolve-result").send_keys("经人民调解,楼上住户维修管道并赔偿损失。")
follow(driver.find_element(By.CSS_SELECTOR, "#form-resolve button[type=submit]"))
check("已办结" in text(), "the case is resolved")
shot("case-resolved")

print("== the language switch")
follow(driver.find_element(By.LINK_TEXT, "English"))
check("Timeline" in text() and "Resolved" in text(), "the page switches to English")
driver.get(BASE + "/work")
check("My work" in text(), "the choice is remembered")
shot("work-english")
follow(driver.find_element(By.LINK_TEXT, "中文"))
check("我的待办" in text(), "and back to Chinese")
logout()

print("== the leader's dashboard after")
login("leader.district")
after = dashboard_total()
check(after == before + 1, f"the dashboard counts the new case ({before} → {after})")
shot("dashboard-after")
driver.get(BASE + "/inbox")
shot("inbox")
logout()

print("== the administrator's pages: the organisation and the audit trail of the parties' view")
login("admin")
driver.get(BASE + "/admin")
check("官园街道办事处" in text() and "conflict.neighbour" in text(), "the admin page lists units and categories")
shot("admin")
driver.get(BASE + "/audit?action=party.read")
check(number in text() and "handler.guanyuan" in text(), "the handler's view of the parties is in the audit log")
shot("audit")
driver.quit()
print(f"browser test passed; screenshots in {SHOTS}")
