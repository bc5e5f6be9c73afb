import Foundation

extension WorkCalendar {
    /// China's official public holidays and adjusted working days (全国年节放假安排), as a calendar document.
    ///
    /// 2026: 国务院办公厅关于2026年部分节假日安排的通知 (dated 4 November 2025, published by Xinhua the same
    /// day, e.g. https://politics.gmw.cn/2025-11/04/content_38391083.htm). The 2027 notice could not be found when
    /// this was written, so 2027 is not loaded: a deadline that reaches into 2027 fails with `calendar_out_of_range`
    /// until an administrator loads the 2027 calendar.
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
            }
          }
        }
        """

    /// The shipped China calendar (2026), validated.
    public static func chinaMainland() throws(PinganError) -> WorkCalendar {
        try load(json: Data(chinaMainlandJSON.utf8))
    }
}
