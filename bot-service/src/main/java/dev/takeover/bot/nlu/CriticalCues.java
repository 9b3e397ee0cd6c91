package dev.takeover.bot.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Words that point to a critical issue, by kind, in English and German ("ausgefallen", "hacked", "nie genehmigt"), as
 * terms the critical-issue model weighs beside the message's own words: they let it recognise a report whose other
 * words no training example had. A cue alone decides nothing ("how do I report a phishing mail" has one); the model
 * learnt from routine questions on the same topics how much each counts.
 */
final class CriticalCues {

    private static final Map<String, Pattern> CUES = Map.of(
            "SERVICE_OUTAGE",
            Pattern.compile(
                    "\\b(?:down|offline|outage|unreachable|not reachable|(?:not|won'?t|doesn'?t) (?:load|work|respond)\\w*|"
                            + "crash\\w*|dead|unavailable|error 5\\d\\d|time ?outs?|timing out|standstill|nothing works|"
                            + "ausgefallen|ausfall\\w*|totalausfall|stoerung\\w*|nicht (?:mehr )?erreichbar|abgestuerzt|tot|"
                            + "geht (?:gar )?nichts|nichts (?:geht|funktioniert)|funktioniert (?:gar )?nichts|steht (?:still)?)\\b"),
            "DATA_LOSS",
            Pattern.compile(
                    "\\b(?:(?:data|files?|documents?|photos?|pictures?|contacts?|database|backups?|records?|folders?|emails?)"
                            + "\\b.{0,40}\\b(?:gone|lost|deleted|disappeared|vanished|wiped|missing|corrupt\\w*|empty|destroyed)|"
                            + "(?:lost|deleted|wiped) (?:all )?(?:my |our )?(?:data|files|documents|photos|contacts)|"
                            + "(?:daten\\w*|dateien|dokumente|fotos|bilder|kontakte|datenbank|backups?|ordner|notizen|mails)"
                            + "\\b.{0,40}\\b(?:weg|verloren|geloescht|verschwunden|leer|kaputt|beschaedigt|zerstoert)|"
                            + "(?:nicht mehr|kein(?:en)? zugriff).{0,30}\\b(?:daten|dateien|dokumente)|"
                            + "(?:no (?:longer )?(?:have )?access|(?:can'?t|cannot|can not|unable to) (?:get to|access|reach|open)).{0,30}\\b(?:data|files|documents))\\b"),
            "SECURITY_BREACH",
            Pattern.compile(
                    "\\b(?:hack\\w*|gehackt|compromised|kompromittiert|hijack\\w*|gekapert|taken over|took over|"
                            + "uebernommen|broke into|eingebrochen|eingedrungen|stranger|fremde[rn]?|someone else|jemand (?:anders|fremdes)|"
                            + "breach|datenleck|leak\\w*|geleakt|stolen (?:login|credentials|identity|password)|gestohlen|"
                            + "unknown devices?|unbekannte\\w* geraet\\w*|(?:wasn'?t|not) me)\\b"),
            "UNAUTHORISED_PAYMENT",
            Pattern.compile(
                    "\\b(?:(?:didn'?t|did not|never|not) (?:make|made|authori[sz]\\w*|order\\w*|buy|bought|place\\w*|agree\\w*)|"
                            + "fraud\\w*|betrug\\w*|betruegerisch\\w*|unauthori[sz]ed|nicht (?:autorisiert|genehmigt|getaetigt|gemacht|bestellt)|"
                            + "nie (?:genehmigt|bestellt|autorisiert|zugestimmt|gekauft|abgeschlossen|gemacht|getaetigt|veranlasst|erteilt|aufgegeben)|"
                            + "nicht (?:veranlasst|erteilt|ueberwiesen)|(?:don'?t|do not) recogni[sz]e|without (?:my )?permission|"
                            + "ohne (?:meine )?erlaubnis|wasn'?t me|war ich nicht|nicht von mir|drained|leergeraeumt)\\b"));

    private CriticalCues() {}

    /** One term per kind whose cue the text has, for the critical-issue model. */
    static List<String> terms(String text) {
        String folded = TextFeatures.fold(text).replace('’', '\'');
        List<String> terms = new ArrayList<>(2);
        CUES.forEach((kind, cue) -> {
            if (cue.matcher(folded).find()) {
                terms.add("k:" + kind);
                terms.add("k:" + kind);
            }
        });
        return terms;
    }
}
