package vn.dvc.shared;

import java.time.ZoneId;

/** All legal times in this system are Vietnam times (UTC+7, no daylight saving). */
public final class VietnamTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private VietnamTime() {
    }
}
