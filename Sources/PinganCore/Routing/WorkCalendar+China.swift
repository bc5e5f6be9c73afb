import Foundation

extension WorkCalendar {
    /// China's official public holidays and adjusted working days (全国年节放假安排), as a calendar document.
    ///
    /// 2026: 国务院办公厅关于2026年部分节假日安排的通知 (dated 4 November 2025, published by Xinhua the same
    /// day, e.g. https://politics.gmw.cn/2025-11/04/content_38391083.htm).
    ///
    /// 2027 is **provisional**: the 2027 notice was not available when this was written, so the year holds what the
    /// law fixes without it — the statutory holidays of 《全国年节及纪念日放假办法》 (as revised in 2024: 元旦 1 day,
    /// 春节 4 days from 除夕, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3) on their 2027 dates (lunar dates from
    /// Foundation's Chinese calendar: 春节 6 February, 端午 9 June, 中秋 15 September; 清明 5 April), plus the
    /// make-up days off (补假) that Article 2 of that regulation gives on the following working days when a holiday
    /// falls on a Saturday or Sunday. The adjusted working days (调休上班) and longer bridges that the notice adds
    /// cannot be known before it is published: an administrator loads the official year with
    /// `PUT /api/v1/policies/calendar/years/2027`, which replaces this entry (docs/ROUTING.md).
    public static let chinaMainlandJSON = """
        {
          "name": "cn-mainland",
          "version": 1,
          "time_zone": "Asia/Shanghai",
          "years": {
            "2026": {
              "source": "国务院办公厅关于2026年部分节假日安排的通知(国务院办公厅,2025年11月4日;新华社北京11月4日电)",
              "holidays": [
                "2026-01-01", "2026-01-02", "2026-01-03",
                "2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19",
                "2026-02-20", "2026-02-21", "2026-02-22", "2026-02-23",
                "2026-04-04", "2026-04-05", "2026-04-06",
                "2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04", "2026-05-05",
                "2026-06-19", "2026-06-20", "2026-06-21",
                "2026-09-25", "2026-09-26", "2026-09-27",
                "2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"
              ],
              "workdays": [
                "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"
              ]
            },
            "2027": {
              "source": "暂定:依《全国年节及纪念日放假办法》(2024年修订)推算的法定节假日及补假,调休安排以国务院办公厅2027年通知为准",
              "provisional": true,
              "holidays": [
                "2027-01-01",
                "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09", "2027-02-10",
                "2027-04-05",
                "2027-05-01", "2027-05-02", "2027-05-03", "2027-05-04",
                "2027-06-09",
                "2027-09-15",
                "2027-10-01", "2027-10-02", "2027-10-03", "2027-10-04", "2027-10-05"
              ],
              "workdays": []
            }
          }
        }
        """

    /// The shipped China calendar (2026; 2027 provisional), validated.
    public static func chinaMainland() throws(PinganError) -> WorkCalendar {
        try load(json: Data(chinaMainlandJSON.utf8))
    }
}
