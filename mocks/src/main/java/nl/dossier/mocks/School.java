package nl.dossier.mocks;

/** The institutions of the generated dossier; each resolves in RIO and issues at Edubadges. */
enum School {
  ROC_A("123A456", "99XA", "roc-a.example.nl", "ROC A"),
  ROC_B("234A567", "88YB", "roc-b.example.nl", "ROC B"),
  ROC_DLL("345A678", "77ZC", "roc-dll.example.nl", "ROC De Lage Landen"),
  EEMLAND("456A789", "66WD", "vakschool-eemland.example.nl", "Vakschool Eemland");

  private final String code;
  private final String brin;
  private final String schacHome;
  private final String displayName;

  School(String code, String brin, String schacHome, String displayName) {
    this.code = code;
    this.brin = brin;
    this.schacHome = schacHome;
    this.displayName = displayName;
  }

  String code() {
    return code;
  }

  String brin() {
    return brin;
  }

  String schacHome() {
    return schacHome;
  }

  String displayName() {
    return displayName;
  }
}
