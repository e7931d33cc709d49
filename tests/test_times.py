"""Tests of consilience.extract.times: the date grammar, anchoring, and the seeds' dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consilience.extract.times import find_times, parse_anchor, shift_value, time_value

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"

# (sentence, anchor, [(mention text, point, low, high), ...]): every mention the sentence holds.
TABLE = [
    ('Relations were normalized in 1995.', None, [('1995', '1995', '1995-01-01', '1996-01-01')]),
    ('They were upgraded to a partnership in 2013.', None, [('2013', '2013', '2013-01-01', '2014-01-01')]),
    ('On July 25, 2013, the two countries agreed.', None, [('July 25, 2013', '2013-07-25', '2013-07-25', '2013-07-26')]),
    ('The treaty was signed on 25 July 2013 in Geneva.', None, [('25 July 2013', '2013-07-25', '2013-07-25', '2013-07-26')]),
    ('Filed on 2013-07-25 with the regulator.', None, [('2013-07-25', '2013-07-25', '2013-07-25', '2013-07-26')]),
    ('The visit runs September 10-11.', '2023-09-10', [('September 10-11', '2023-09-10', '2023-09-10', '2023-09-12')]),
    ('Delegates meet March 21–24 in Hanoi.', '2023-03-23', [('March 21–24', '2023-03-21', '2023-03-21', '2023-03-25')]),
    ('Growth slowed in the 2010s.', None, [('the 2010s', '2010s', '2010-01-01', '2020-01-01')]),
    ('Prices peaked in mid-2022.', None, [('mid-2022', '2022', '2022-05-01', '2022-09-01')]),
    ('Talks resumed in early March.', '2023-05-02', [('early March', '2023-03', '2023-03-01', '2023-03-11')]),
    ('Trade rose last year.', '2023', [('last year', '2022', '2022-01-01', '2023-01-01')]),
    ('Trade rose last year.', '2023-09-10', [('last year', '2022', '2022-01-01', '2023-01-01')]),
    ('Output will rise this year.', '2022-06-30', [('this year', '2022', '2022-01-01', '2023-01-01')]),
    # the future cue of a sentence does not reach a month that "since" or a verb in the past governs, nor one
    # in a clause before a comma
    ('Prices have risen since February and will rise again.', '2023-09-10', [('February', '2023-02', '2023-02-01', '2023-03-01')]),
    ('The ministry will publish the figures it collected in March.', '2023-09-10', [('March', '2023-03', '2023-03-01', '2023-04-01')]),
    ('Sales fell in March, and analysts say they will recover.', '2023-09-10', [('March', '2023-03', '2023-03-01', '2023-04-01')]),
    ('The plant, which opened in March, will double output.', '2023-09-10', [('March', '2023-03', '2023-03-01', '2023-04-01')]),
    ('The summit will be held in March.', '2023-09-10', [('March', '2024-03', '2024-03-01', '2024-04-01')]),
    ('The firm will proceed in March.', '2023-09-10', [('March', '2024-03', '2024-03-01', '2024-04-01')]),
    # an offset followed by its date is merged with it before an apposition could take the date before it
    ('On Friday, three days after December 20, the court ruled.', '2023-12-27',
     [('Friday, three days after December 20', '2023-12-22', '2023-12-22', '2023-12-23')]),
    ('Elections are due next month.', '2023-03-23', [('next month', '2023-04', '2023-04-01', '2023-05-01')]),
    ('In March, the leaders spoke by phone.', '2023', [('March', '2023-03', '2023-03-01', '2023-04-01')]),
    ('In March, the leaders spoke by phone.', '2023-09-10', [('March', '2023-03', '2023-03-01', '2023-04-01')]),
    ('In December, the plant closed.', '2023-02-10', [('December', '2022-12', '2022-12-01', '2023-01-01')]),
    ('The spokesperson told the press on Thursday.', '2023-03-25', [('Thursday', '2023-03-23', '2023-03-23', '2023-03-24')]),
    ('The minister will visit on Thursday.', '2023-03-20', [('Thursday', '2023-03-23', '2023-03-23', '2023-03-24')]),
    ('The storm hit land today.', '2021-08-29', [('today', '2021-08-29', '2021-08-29', '2021-08-30')]),
    ('Rescuers found survivors yesterday.', '2021-08-29', [('yesterday', '2021-08-28', '2021-08-28', '2021-08-29')]),
    ('The vote is tomorrow.', '2020-11-02', [('tomorrow', '2020-11-03', '2020-11-03', '2020-11-04')]),
    ('Twenty-eight years since the two countries established ties.', '2023-09-10', [('Twenty-eight years since', '1995', '1995-01-01', '1996-01-01')]),
    ('They normalised relations in 1995, 20 years after the war ended.', None, [('1995', '1995', '1995-01-01', '1996-01-01'), ('20 years after', '1995', '1995-01-01', '1996-01-01')]),
    ('The company was founded five years ago.', '2019-04-01', [('five years ago', '2014', '2014-01-01', '2015-01-01')]),
    ('A decade ago the lake was full.', '1999-03-02', [('A decade ago', '1989', '1989-01-01', '1990-01-01')]),
    ('Profits fell in the third quarter.', '1989-11-02', [('the third quarter', '1989-Q3', '1989-07-01', '1989-10-01')]),
    ('Sales in the fourth quarter of 2022 beat forecasts.', None, [('the fourth quarter of 2022', '2022-Q4', '2022-10-01', '2023-01-01')]),
    ('Revenue for Q3 2022 was flat.', None, [('Q3 2022', '2022-Q3', '2022-07-01', '2022-10-01')]),
    ('Shipments in the first half of 2021 doubled.', None, [('the first half of 2021', '2021-H1', '2021-01-01', '2021-07-01')]),
    ('Unemployment fell last week.', '2023-03-23', [('last week', '2023-W11', '2023-03-13', '2023-03-20')]),
    ('The index rose last month.', '2023-01-15', [('last month', '2022-12', '2022-12-01', '2023-01-01')]),
    ('Stocks crashed on Oct. 19, 1987.', None, [('Oct. 19, 1987', '1987-10-19', '1987-10-19', '1987-10-20')]),
    ('The attacks of Sept. 11 changed everything.', '2001-09-20', [('Sept. 11', '2001-09-11', '2001-09-11', '2001-09-12')]),
    ('The memo is dated 11/02/89.', None, [('11/02/89', '1989-11-02', '1989-11-02', '1989-11-03')]),
    ('The ruling of 12/25/2020 stands.', None, [('12/25/2020', '2020-12-25', '2020-12-25', '2020-12-26')]),
    ('Heatwaves in the summer of 2019 broke records.', None, [('the summer of 2019', '2019-SU', '2019-06-01', '2019-09-01')]),
    ('The drought last summer hurt farmers.', '2023-09-01', [('last summer', '2022-SU', '2022-06-01', '2022-09-01')]),
    ('Inflation was high in the 1970s.', None, [('the 1970s', '1970s', '1970-01-01', '1980-01-01')]),
    ("Grunge ruled the '90s.", '2005', [("the '90s", '1990s', '1990-01-01', '2000-01-01')]),
    ('Markets boomed in the late 1990s.', None, [('the late 1990s', '1990s', '1996-01-01', '2000-01-01')]),
    ('The budget for fiscal 1998 was cut.', None, [('fiscal 1998', '1998', '1998-01-01', '1999-01-01')]),
    ('Prices rose in the early 1980s.', None, [('the early 1980s', '1980s', '1980-01-01', '1984-01-01')]),
    ('Revenue fell in fiscal year 2021.', None, [('fiscal year 2021', '2021', '2021-01-01', '2022-01-01')]),
    ('The 2017-2019 drought was severe.', None, [('2017-2019', '2017', '2017-01-01', '2020-01-01')]),
    ('The law dates from the year 2000.', None, [('the year 2000', '2000', '2000-01-01', '2001-01-01')]),
    ('Some 2,000 people marched.', None, []),
    ('The hotel has 2000 rooms.', None, []),
    ('It cost $2000 to repair.', None, []),
    ('The team scored 2013 points.', None, []),
    ('More than 1995 ballots were spoiled.', None, []),
    ('Trump visited in 2017 and 2019.', None, [('2017', '2017', '2017-01-01', '2018-01-01'), ('2019', '2019', '2019-01-01', '2020-01-01')]),
    ('The case was reopened in 2000.', None, [('2000', '2000', '2000-01-01', '2001-01-01')]),
    ('He may come back.', None, []),
    ('A march on Washington drew crowds.', None, []),
    ('By May, the fighting was over.', '2023-06-01', [('May', '2023-05', '2023-05-01', '2023-06-01')]),
    ('Stocks fell on Monday, Nov. 6, 1989.', None, [('Monday, Nov. 6, 1989', '1989-11-06', '1989-11-06', '1989-11-07')]),
    ('The rally is set for this coming Sunday, March eighth.', '1998-03-02', [('this coming Sunday', '1998-03-08', '1998-03-08', '1998-03-09'), ('March eighth', '1998-03-08', '1998-03-08', '1998-03-09')]),
    ('Fireworks lit up the 4th of July.', '2020-06-01', [('the 4th of July', '2020-07-04', '2020-07-04', '2020-07-05')]),
    ('Biden visits Hanoi 10-11 September 2023.', None, [('10-11 September 2023', '2023-09-10', '2023-09-10', '2023-09-12')]),
    ('Hostilities ended in 1975.', None, [('1975', '1975', '1975-01-01', '1976-01-01')]),
    ('The match ended 2-1.', None, []),
    ('The index is now at a record.', '2023-03-23', [('now', '2023-03-23', '2023-03-23', '2023-03-24')]),
    ('Officials will decide soon.', '2023-03-23', [('soon', None, None, None)]),
    ('Prices have risen recently.', '2023-03-23', [('recently', None, None, None)]),
    ('The bridge opened in May 2022.', None, [('May 2022', '2022-05', '2022-05-01', '2022-06-01')]),
    ('He visited in November 2001.', None, [('November 2001', '2001-11', '2001-11-01', '2001-12-01')]),
    ('Rates will rise by the end of 2022.', None, [('the end of 2022', '2022', '2022-09-01', '2023-01-01')]),
    ('A vote is expected at the beginning of next year.', '2023-03-23', [('the beginning of next year', '2024', '2024-01-01', '2024-05-01')]),
    ('The strike began Tuesday.', '1990-08-16', [('Tuesday', '1990-08-14', '1990-08-14', '1990-08-15')]),
    ('The strike began last Friday.', '2023-03-24', [('last Friday', '2023-03-17', '2023-03-17', '2023-03-18')]),
    # "next Friday" is the Friday of the next week ("this Friday" names the one later this week); on a
    # Saturday the coming Friday is in the next week anyway
    ('The summit is next Friday.', '2023-03-22', [('next Friday', '2023-03-31', '2023-03-31', '2023-04-01')]),
    ('The summit is this Friday.', '2023-03-22', [('this Friday', '2023-03-24', '2023-03-24', '2023-03-25')]),
    ('The summit is next Friday.', '2023-03-25', [('next Friday', '2023-03-31', '2023-03-31', '2023-04-01')]),
    ('The vote is on following Friday.', '2023-03-22', [('following Friday', '2023-03-31', '2023-03-31', '2023-04-01')]),
    ('Where were you on previous Monday?', '2023-03-22', [('previous Monday', '2023-03-20', '2023-03-20', '2023-03-21')]),
    # with "the", a day after (or before) another the text tells of: read as the weekday alone
    ('The talks ended the following Friday.', '2023-03-22', [('Friday', '2023-03-17', '2023-03-17', '2023-03-18')]),
    ('The quake struck on Jan. 12, 2010.', None, [('Jan. 12, 2010', '2010-01-12', '2010-01-12', '2010-01-13')]),
    ('The plant opened June 1st, 2020.', None, [('June 1st, 2020', '2020-06-01', '2020-06-01', '2020-06-02')]),
    ('The plant opened on the 1st of June 2020.', None, [('the 1st of June 2020', '2020-06-01', '2020-06-01', '2020-06-02')]),
    ('The election of Nov. 3, 2020 was contested.', None, [('Nov. 3, 2020', '2020-11-03', '2020-11-03', '2020-11-04')]),
    ('The film premiered Dec. 19, 1997.', None, [('Dec. 19, 1997', '1997-12-19', '1997-12-19', '1997-12-20')]),
    ('Polls close at 8 p.m. on November 8.', '2022-11-01', [('November 8', '2022-11-08', '2022-11-08', '2022-11-09')]),
    ('The deal was signed in Feb. 2019.', None, [('Feb. 2019', '2019-02', '2019-02-01', '2019-03-01')]),
    ('The launch slipped to Sept. 2024.', None, [('Sept. 2024', '2024-09', '2024-09-01', '2024-10-01')]),
    ('The firm reported results for the year-earlier quarter.', '1989-11-02', [('the year-earlier quarter', '1988-Q3', '1988-07-01', '1988-10-01')]),
    ('The vaccine was approved in December 2020.', None, [('December 2020', '2020-12', '2020-12-01', '2021-01-01')]),
    ('The euro was launched on 1 January 1999.', None, [('1 January 1999', '1999-01-01', '1999-01-01', '1999-01-02')]),
    ('Turnout in 2016 was lower.', None, [('2016', '2016', '2016-01-01', '2017-01-01')]),
    ('Since 2008, prices have doubled.', None, [('2008', '2008', '2008-01-01', '2009-01-01')]),
    ('From 2010 to 2015, output grew.', None, [('2010', '2010', '2010-01-01', '2011-01-01'), ('2015', '2015', '2015-01-01', '2016-01-01')]),
    ('The war lasted from 1950 to 1953.', None, [('1950', '1950', '1950-01-01', '1951-01-01'), ('1953', '1953', '1953-01-01', '1954-01-01')]),
    ('He was born in 1961.', None, [('1961', '1961', '1961-01-01', '1962-01-01')]),
    ('The 1998 season was his best.', None, [('1998', '1998', '1998-01-01', '1999-01-01')]),
    ("GDP grew in 2022's final quarter.", None, [('2022', '2022', '2022-01-01', '2023-01-01')]),
    ('The merger closed late last year.', '2023-04-01', [('late last year', '2022', '2022-09-01', '2023-01-01')]),
    ('The mine closed two months ago.', '2023-03-23', [('two months ago', '2023-01', '2023-01-01', '2023-02-01')]),
    ('The reforms of three decades ago still matter.', '2020-01-01', [('three decades ago', '1990', '1990-01-01', '1991-01-01')]),
    ('The law changed 50 years ago.', '1999-06-01', [('50 years ago', '1949', '1949-01-01', '1950-01-01')]),
    ('Wildfires burned this week.', '2023-08-10', [('this week', '2023-W32', '2023-08-07', '2023-08-14')]),
    ('Voting starts next week.', '1998-03-09', [('next week', '1998-W12', '1998-03-16', '1998-03-23')]),
    ('The flood came in the spring of 2011.', None, [('the spring of 2011', '2011-SP', '2011-03-01', '2011-06-01')]),
    ('The plan is for winter 2024.', None, [('winter 2024', '2024-WI', '2024-12-01', '2025-03-01')]),
    ('Earnings in H1 2023 rose.', None, [('H1 2023', '2023-H1', '2023-01-01', '2023-07-01')]),
    ('The dispute dates to the 1980s.', None, [('the 1980s', '1980s', '1980-01-01', '1990-01-01')]),
    ('It happened the day before yesterday.', '2023-03-23', [('the day before yesterday', '2023-03-21', '2023-03-21', '2023-03-22')]),
    ('The ceasefire took effect at midnight on 2022-03-01.', None, [('2022-03-01', '2022-03-01', '2022-03-01', '2022-03-02')]),
    ('The census of 2020 counted 331 million people.', None, [('2020', '2020', '2020-01-01', '2021-01-01')]),
    ('The bill passed on 4 March 2021 by 220 votes.', None, [('4 March 2021', '2021-03-04', '2021-03-04', '2021-03-05')]),
    ('Nominations close on Friday.', None, [('Friday', None, None, None)]),
    ('In April, the secretary of state visited.', '2023', [('April', '2023-04', '2023-04-01', '2023-05-01')]),
    ('The report covers 2019-20.', None, [('2019-20', '2019', '2019-01-01', '2021-01-01')]),
    ('Exports reached a record in 2022.', None, [('2022', '2022', '2022-01-01', '2023-01-01')]),
    ('The March 2023 call was cordial.', None, [('March 2023', '2023-03', '2023-03-01', '2023-04-01')]),
    ('The tremor hit at dawn on Sunday.', '1991-12-04', [('Sunday', '1991-12-01', '1991-12-01', '1991-12-02')]),
    ('The first week of 2015 was cold.', None, [('The first week of 2015', '2015-W01', '2014-12-29', '2015-01-05')]),
    ('Revenue peaked in the third month of 2021.', None, [('the third month of 2021', '2021-03', '2021-03-01', '2021-04-01')]),
    ('It happened 2 weeks before May 13, 1999.', None, [('2 weeks before May 13, 1999', '1999-04-29', '1999-04-29', '1999-04-30')]),
    ('The talks resume three days after January 12, 2024.', None, [('three days after January 12, 2024', '2024-01-15', '2024-01-15', '2024-01-16')]),
    ('The vote will be held in two weeks.', '2023-03-01', [('two weeks', '2023-03-15', '2023-03-15', '2023-03-16')]),
    ('Prices grew 20% in three years.', '2023-03-01', []),
    ('They met on the fourth of July, 1995.', None, [('the fourth of July, 1995', '1995-07-04', '1995-07-04', '1995-07-05')]),
    ('The summit ended on 05-Aug-2016.', None, [('05-Aug-2016', '2016-08-05', '2016-08-05', '2016-08-06')]),
    ('Sales closed for Dec-2018.', None, [('Dec-2018', '2018-12', '2018-12-01', '2019-01-01')]),
    ('The law passed in nineteen ninety-six.', None, [('nineteen ninety-six', '1996', '1996-01-01', '1997-01-01')]),
    ('Polls opened on 14 nov 2023.', None, [('14 nov 2023', '2023-11-14', '2023-11-14', '2023-11-15')]),
    ('The plant opened in june of 1992.', None, [('june of 1992', '1992-06', '1992-06-01', '1992-07-01')]),
    ('The 20th century saw two wars.', None, [('The 20th century', '1900s', '1900-01-01', '2000-01-01')]),
    ('The firm reported a loss for the full year.', '2023-03-01', [('the full year', '2023', '2023-01-01', '2024-01-01')]),
    ('Third-quarter profit fell from $5 million a year earlier.', '1989-11-02', [('Third-quarter', '1989-Q3', '1989-07-01', '1989-10-01'), ('a year earlier', '1988-Q3', '1988-07-01', '1988-10-01')]),
    ('The mayor will speak on Tuesday.', '2023-03-01', [('Tuesday', '2023-03-07', '2023-03-07', '2023-03-08')]),
    ('The index was little changed in December.', '2023-02-10', [('December', '2022-12', '2022-12-01', '2023-01-01')]),
    ('Shares rose 3% in the latest quarter.', '1989-11-02', [('the latest quarter', '1989-Q3', '1989-07-01', '1989-10-01')]),
    ('The agency said on Oct. 19 , 1987 that it would act.', None, [('Oct. 19 , 1987', '1987-10-19', '1987-10-19', '1987-10-20')]),
    ('He was born in the 1960s and moved in mid-1989.', None, [('the 1960s', '1960s', '1960-01-01', '1970-01-01'), ('mid-1989', '1989', '1989-05-01', '1989-09-01')]),
    # holidays, lists of days, dates inside file names, weekdays of a named week, the week of a day
    ('Shops reopened after Christmas.', '2021-01-10', [('Christmas', '2020-12-25', '2020-12-25', '2020-12-26')]),
    ('Shops will close on Christmas Day.', '2021-12-01', [('Christmas Day', '2021-12-25', '2021-12-25', '2021-12-26')]),
    ('The church was full on Easter 2018.', None, [('Easter 2018', '2018-04-01', '2018-04-01', '2018-04-02')]),
    ('Retailers cut prices on Black Friday.', '2020-12-05', [('Black Friday', '2020-11-27', '2020-11-27', '2020-11-28')]),
    ('Markets were shut on Good Friday 2020.', None, [('Good Friday 2020', '2020-04-10', '2020-04-10', '2020-04-11')]),
    ("Crowds gathered on New Year's Eve.", '2021-01-03', [("New Year's Eve", '2020-12-31', '2020-12-31', '2021-01-01')]),
    ('It was a good Friday for stocks.', '2021-05-10', [('Friday', '2021-05-07', '2021-05-07', '2021-05-08')]),
    ('Talks were held on 3, 4 and 5 May 2019 in Hanoi.', None, [('3', '2019-05-03', '2019-05-03', '2019-05-04'), ('4', '2019-05-04', '2019-05-04', '2019-05-05'), ('5 May 2019', '2019-05-05', '2019-05-05', '2019-05-06')]),
    ('Aged 18, 19 June was his birthday.', '2021-05-10', [('19 June', '2021-06-19', '2021-06-19', '2021-06-20')]),
    ('The report is sales_report-2002-10-09.pdf.', None, [('2002-10-09', '2002-10-09', '2002-10-09', '2002-10-10')]),
    ('See archive/20170302.html for it.', None, [('20170302', '2017-03-02', '2017-03-02', '2017-03-03')]),
    ('They met on Tuesday of last week.', '2019-07-31', [('Tuesday of last week', '2019-07-23', '2019-07-23', '2019-07-24')]),
    ('The plan for next week Wednesday is set.', '2019-07-31', [('next week Wednesday', '2019-08-07', '2019-08-07', '2019-08-08')]),
    ('Meetings run the week of April 10, 2017.', None, [('the week of April 10, 2017', '2017-W15', '2017-04-10', '2017-04-17')]),
    ('Christmas Island is remote.', '2021-05-10', []),
    ('The fare rose two weeks before Christmas.', '2021-02-01', [('two weeks before Christmas', '2020-12-11', '2020-12-11', '2020-12-12')]),
    ('Hearings are set for 18 and 19 June 2021.', None, [('18', '2021-06-18', '2021-06-18', '2021-06-19'), ('19 June 2021', '2021-06-19', '2021-06-19', '2021-06-20')]),
    ("Parades mark St. Patrick's Day.", '2021-05-10', [("St. Patrick's Day", '2021-03-17', '2021-03-17', '2021-03-18')]),
    ('Easter Monday 2019 was quiet.', None, [('Easter Monday 2019', '2019-04-22', '2019-04-22', '2019-04-23')]),
    ('Sales peaked at Thanksgiving 2019.', None, [('Thanksgiving 2019', '2019-11-28', '2019-11-28', '2019-11-29')]),
    ('The last Easter was quiet.', '2019-03-01', [('last Easter', '2018-04-01', '2018-04-01', '2018-04-02')]),
    # the tense of the clause: a holiday governed by a verb in the past is the last one, even when the next
    # is weeks away; with a future cue, none long past (a deadline restated the day after is the one just past)
    ('Sales jumped at Easter, the chain said.', '2023-03-01', [('Easter', '2022-04-17', '2022-04-17', '2022-04-18')]),
    ('The plant was closed over Christmas.', '2023-03', [('Christmas', '2022-12-25', '2022-12-25', '2022-12-26')]),
    ("Sales expected at Christmas will top last year's.", '2023-03-01',
     [('Christmas', '2023-12-25', '2023-12-25', '2023-12-26'), ('last year', '2022', '2022-01-01', '2023-01-01')]),
    ('Shops will open on Christmas Eve.', '2023-03-01', [('Christmas Eve', '2023-12-24', '2023-12-24', '2023-12-25')]),
    ('The summit will be held on Dec. 5 in Hanoi.', '2023-03-01', [('Dec. 5', '2023-12-05', '2023-12-05', '2023-12-06')]),
    ('The summit was held on Dec. 5 in Hanoi.', '2023-03-01', [('Dec. 5', '2022-12-05', '2022-12-05', '2022-12-06')]),
    ('He is to be returned by Jan. 14, the agency said.', '2000-01-15', [('Jan. 14', '2000-01-14', '2000-01-14', '2000-01-15')]),
    ('The filing is dated 15-Jun-2021 in court.', None, [('15-Jun-2021', '2021-06-15', '2021-06-15', '2021-06-16')]),
    ('The log shows 2019/aug/01 as the start.', None, [('2019/aug/01', '2019-08-01', '2019-08-01', '2019-08-02')]),
    ('He returns Sep-23-2020.', None, [('Sep-23-2020', '2020-09-23', '2020-09-23', '2020-09-24')]),
    ('Sales fell in the last week of 2016.', None, [('the last week of 2016', '2016-W52', '2016-12-26', '2017-01-02')]),
    ('The minister will decide in a week.', '2018-10-17', [('a week', '2018-10-24', '2018-10-24', '2018-10-25')]),
    ('Prices rose 5% in a year.', '2018-10-17', []),
    # the early or late part of the current period, cut at the document's date; the other periods' halves
    ('Ministers met earlier this year.', '2019-05-20', [('earlier this year', '2019', '2019-01-01', '2019-05-20')]),
    ('The report is due later this month.', '2019-05-06', [('later this month', '2019-05', '2019-05-06', '2019-06-01')]),
    ('Prices fell earlier last week.', '2019-05-22', [('earlier last week', '2019-W20', '2019-05-13', '2019-05-16')]),
    ('Later, the team left.', '2019-05-01', []),
    ('Shares are up 9% in the year to date.', '2019-09-06', [('the year to date', '2019', '2019-01-01', '2019-09-06')]),
    # a weekday with a day number: the nearest month where they meet; with a month and day, that date
    ('The hearing will be held on Friday 14th.', '2019-06-03', [('Friday 14th', '2019-06-14', '2019-06-14', '2019-06-15')]),
    ('Crowds gathered on Sun 31.', '2019-04-10', [('Sun 31', '2019-03-31', '2019-03-31', '2019-04-01')]),
    ('On Sunday 31 people were hurt.', '2019-04-10', [('Sunday', '2019-04-07', '2019-04-07', '2019-04-08')]),
    ('The Sun 14 reporters left.', None, []),
    ('We meet on Tuesday the eleventh.', '2019-06-03', [('Tuesday the eleventh', '2019-06-11', '2019-06-11', '2019-06-12')]),
    ('The vote is set for Friday 5/17.', '2019-05-01', [('Friday 5/17', '2019-05-17', '2019-05-17', '2019-05-18')]),
    ('On Tuesday, 2/3 of senators voted.', '2019-05-01', [('Tuesday', '2019-04-30', '2019-04-30', '2019-05-01')]),
    # "last" + weekday is the latest such day, even in the same week (as news uses it)
    ('The strike began last Tuesday.', '2000-02-24', [('last Tuesday', '2000-02-22', '2000-02-22', '2000-02-23')]),
    ('Talks resumed on Friday, the fourth quarter began.', '1989-10-30', [('Friday', '1989-10-27', '1989-10-27', '1989-10-28'), ('the fourth quarter', '1989-Q4', '1989-10-01', '1990-01-01')]),
    ('Shares fell on Friday.\n\nThe first trade was late.', '1999-01-22', [('Friday', '1999-01-22', '1999-01-22', '1999-01-23')]),
    ('Markets open Fri. 14th.', '2019-06-03', [('Fri. 14th', '2019-06-14', '2019-06-14', '2019-06-15')]),
    ('Sales in week 3 of 2027 were flat.', None, [('week 3 of 2027', '2027-W03', '2027-01-18', '2027-01-25')]),
    ('He returns on the 21st this month.', '2019-08-05', [('the 21st this month', '2019-08-21', '2019-08-21', '2019-08-22')]),
    ('Offices close this working week.', '2018-06-27', [('this working week', '2018-06-25', '2018-06-25', '2018-06-30')]),
    # years and days in words after or around a month
    ('They were married on 13 Sept nineteen seventy two.', None, [('13 Sept nineteen seventy two', '1972-09-13', '1972-09-13', '1972-09-14')]),
    ('The fort fell on 6 April seventeen hundred thirty three.', None, [('6 April seventeen hundred thirty three', '1733-04-06', '1733-04-06', '1733-04-07')]),
    ('She was born on January twenty five, 1986.', None, [('January twenty five, 1986', '1986-01-25', '1986-01-25', '1986-01-26')]),
    ('The plant opened on fifteen August nineteen ninety three.', None, [('fifteen August nineteen ninety three', '1993-08-15', '1993-08-15', '1993-08-16')]),
    ('Analysts compared two May 2019 reports.', None, [('May 2019', '2019-05', '2019-05-01', '2019-06-01')]),
    ('He was born in April of 87.', '2016-05-01', [('April of 87', '1987-04', '1987-04-01', '1987-05-01')]),
    ('In April of 20 years ago, it rained.', '2016-05-01', [('April', '2016-04', '2016-04-01', '2016-05-01'), ('20 years ago', '1996', '1996-01-01', '1997-01-01')]),
    ('Results will come out on the twenty third day of September.', '2019-05-01', [('the twenty third day of September', '2019-09-23', '2019-09-23', '2019-09-24')]),
    ('It opened October, 1st.', '2019-05-01', [('October, 1st', '2018-10-01', '2018-10-01', '2018-10-02')]),
    ('In October, 15 people died.', '2019-11-01', [('October', '2019-10', '2019-10-01', '2019-11-01')]),
    ('The fee was $ 12 December 27.', '2018-12-01', [('December 27', '2018-12-27', '2018-12-27', '2018-12-28')]),
    # informal and exported forms
    ('See you tmrw.', '2018-06-01', [('tmrw', '2018-06-02', '2018-06-02', '2018-06-03')]),
    ('Are you free three weeks from tmrw?', '2018-06-01', [('three weeks from tmrw', '2018-06-23', '2018-06-23', '2018-06-24')]),
    ('Fermat died otd.', '2021-01-12', [('otd', '2021-01-12', '2021-01-12', '2021-01-13')]),
    ('Delivery OTD rose.', '2021-01-12', []),
    ('I went back to China in the april.', '2018-06-01', [('april', '2018-04', '2018-04-01', '2018-05-01')]),
    ('Sales peaked in dec and fell.', '2018-06-01', [('dec', '2017-12', '2017-12-01', '2018-01-01')]),
    ('Prices rose in Sept.', '2018-10-01', [('Sept.', '2018-09', '2018-09-01', '2018-10-01')]),
    ('Prices have risen since Feb. and wages too.', '2018-06-01', [('Feb.', '2018-02', '2018-02-01', '2018-03-01')]),
    ('Prices have risen since Feb and wages too.', '2018-06-01', []),
    ('She joined in the march on Washington.', '2018-06-01', []),
    ('Jan said no.', '2018-06-01', []),
    ('Call me this friday (jun-15).', '2018-06-11', [('this friday (jun-15)', '2018-06-15', '2018-06-15', '2018-06-16')]),
    ('Call me Friday-Jun-15.', '2018-06-11', [('Friday-Jun-15', '2018-06-15', '2018-06-15', '2018-06-16')]),
    ('On 2016 10 16, the conference started.', None, [('2016 10 16', '2016-10-16', '2016-10-16', '2016-10-17')]),
    ('In 2016 10 people died.', None, [('2016', '2016', '2016-01-01', '2017-01-01')]),
    ('Filed September-2020-23.', None, [('September-2020-23', '2020-09-23', '2020-09-23', '2020-09-24')]),
    ('Filed 2020/23/Sep.', None, [('2020/23/Sep', '2020-09-23', '2020-09-23', '2020-09-24')]),
    ('Filed 23-2020-September.', None, [('23-2020-September', '2020-09-23', '2020-09-23', '2020-09-24')]),
    ('It must be done by next 6th of April.', '2019-08-12', [('6th of April', '2020-04-06', '2020-04-06', '2020-04-07')]),
    # "the month" and "the week" as "the year": the one the text is in
    ("I'm away for the month.", '2018-06-20', [('the month', '2018-06', '2018-06-01', '2018-07-01')]),
    ('Sales in the week rose.', '2018-06-20', [('the week', '2018-W25', '2018-06-18', '2018-06-25')]),
    ('It was the month of May.', '2018-06-20', [('May', '2018-05', '2018-05-01', '2018-06-01')]),
    ('In the week ending June 3, sales rose.', '2018-06-20', [('June 3', '2018-06-03', '2018-06-03', '2018-06-04')]),
    ('Show sales in the week 31.', '2018-06-20', [('the week 31', '2018-W31', '2018-07-30', '2018-08-06')]),
    ('Show sales in the week 1.', '2018-12-20', [('the week 1', '2019-W01', '2018-12-31', '2019-01-07')]),
    ('He starred in the Week 1 game.', '2018-09-20', []),
    # a weekday beside an offset: the day of that name nearest the offset's day
    ("I'll go back Monday two weeks from now.", '2016-11-07', [('Monday two weeks from now', '2016-11-21', '2016-11-21', '2016-11-22')]),
    ("I'll go back Thursday, two years from now.", '2021-01-04', [('Thursday, two years from now', '2023-01-05', '2023-01-05', '2023-01-06')]),
    ('The Middle East talks stalled.', None, []),
    ('It was the end, they said.', '2019-05-01', []),
]

@pytest.mark.parametrize(("sentence", "anchor", "expected"), TABLE)
def test_times_table(sentence: str, anchor: str | None, expected: list) -> None:
    got = [(m.text, m.value.point if m.value else None, m.value.low if m.value else None,
            m.value.high if m.value else None) for m in find_times(sentence, anchor=anchor)]
    assert got == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("July 25, 2013", "25 July 2013"),
        ("July 25, 2013", "2013-07-25"),
        ("Jul. 25, 2013", "the 25th of July 2013"),
        ("Sept. 10, 2023", "September 10, 2023"),
        ("July 2013", "Jul. 2013"),
        ("the 1990s", "the '90s"),
    ],
)
def test_times_spellings_normalise_to_the_same_value(a: str, b: str) -> None:
    (ma,) = find_times(a, anchor="2005-01-01")
    (mb,) = find_times(b, anchor="2005-01-01")
    assert (ma.value.low, ma.value.high) == (mb.value.low, mb.value.high)


@pytest.mark.parametrize("phrase", ["last year", "in March", "on Thursday", "next month", "yesterday", "September 10-11"])
def test_times_relative_without_anchor_is_unresolved(phrase: str) -> None:
    (m,) = find_times(phrase)
    assert m.value is None and m.relative


@pytest.mark.parametrize(
    ("phrase", "anchor", "granularity"),
    [("last year", "2023", "year"), ("in March", "2023", "month"), ("Thursday", "2023-03-25", "day"),
     ("next week", "2023-03-25", "week"), ("the third quarter", "1989-11-02", "quarter"), ("the 2010s", None, "decade")],
)
def test_times_granularity(phrase: str, anchor: str | None, granularity: str) -> None:
    (m,) = find_times(phrase, anchor=anchor)
    assert m.value.granularity == granularity


@pytest.mark.parametrize(
    ("phrase", "ref"),
    [("the previous year", "previous"), ("two years later", "following"), ("now", "present"),
     ("recently", "past"), ("soon", "future"), ("last year", None)],
)
def test_times_ref_marks_vague_and_anaphoric_expressions(phrase: str, ref: str | None) -> None:
    (m,) = find_times(phrase, anchor="2023-03-23")
    assert m.ref == ref


def test_times_offsets_point_into_the_text() -> None:
    text = "Talks began on July 25, 2013 and ended in 2015."
    for m in find_times(text):
        assert text[m.start:m.end] == m.text


def test_times_mentions_are_sorted_and_disjoint() -> None:
    text = "In 1995, 2001 and 2013; then on March 3, 2020, and last year."
    ms = find_times(text, anchor="2023-01-01")
    assert [m.start for m in ms] == sorted(m.start for m in ms)
    assert all(a.end <= b.start for a, b in zip(ms, ms[1:]))


@pytest.mark.parametrize(("anchor", "parsed"), [("2023", (2023, None, None)), ("2023-09", (2023, 9, None)),
                                                 ("2023-09-10", (2023, 9, 10)), ("2023-13", None), ("soon", None), (None, None)])
def test_times_parse_anchor(anchor: str | None, parsed: tuple | None) -> None:
    assert parse_anchor(anchor) == parsed


@pytest.mark.parametrize(("gran", "k", "point"), [("year", -1, "2021"), ("month", 1, "2022-08"), ("quarter", -1, "2022-Q2"),
                                                  ("day", 1, "2022-07-26")])
def test_times_shift_value(gran: str, k: int, point: str) -> None:
    v = time_value(gran, 2022, 7, 25)
    assert shift_value(v, k).point == point


_FORMATS = [
    lambda d: f"{d:%B} {d.day}, {d.year}",
    lambda d: f"{d.day} {d:%B} {d.year}",
    lambda d: d.isoformat(),
    lambda d: f"{d:%A}, {d:%B} {d.day}, {d.year}",
    lambda d: f"the {d.day}{'th' if 10 <= d.day % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(d.day % 10, 'th')} of {d:%B} {d.year}",
    lambda d: f"{d.month}/{d.day}/{d.year}",
]


@settings(max_examples=150, deadline=None)
@given(d=st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)), fmt=st.sampled_from(range(len(_FORMATS))))
def test_times_property_formatted_day_round_trips(d: date, fmt: int) -> None:
    text = f"The agreement was signed on {_FORMATS[fmt](d)} in the capital."
    (m,) = find_times(text)
    assert m.value.low == d.isoformat() and m.value.granularity == "day"


@settings(max_examples=100, deadline=None)
@given(y=st.integers(min_value=1900, max_value=2099), mo=st.integers(min_value=1, max_value=12))
def test_times_property_month_year_round_trips(y: int, mo: int) -> None:
    name = date(y, mo, 1).strftime("%B")
    (m,) = find_times(f"Exports rose in {name} {y}.")
    assert m.value.point == f"{y:04d}-{mo:02d}"


def _seed(prefix: str) -> str:
    if not SEEDS.is_dir():
        pytest.skip(f"the shared seeds are not at {SEEDS}")
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.mark.seeds
@pytest.mark.parametrize("prefix", ["000", "001"])
def test_times_seed_last_year_is_2022(prefix: str) -> None:
    ms = [m for m in find_times(_seed(prefix), anchor="2023") if m.text == "last year"]
    assert ms and all(m.value.point == "2022" for m in ms)


@pytest.mark.seeds
@pytest.mark.parametrize(
    ("prefix", "anchor", "text", "point"),
    [("002", "2023-03-23", "July 25, 2013", "2013-07-25"), ("002", "2023-03-23", "March 21", "2023-03-21"),
     ("002", "2023-03-23", "March 24", "2023-03-24"), ("003", "2023-09-10", "September 10-11", "2023-09-10"),
     ("003", "2023-09-10", "July 2013", "2013-07"), ("003", "2023-09-10", "Twenty-eight years since", "1995"),
     ("003", "2023-09-10", "November 2001", "2001-11"), ("003", "2023-09-10", "July 26", "2023-07-26"),
     ("000", "2023", "March", "2023-03"), ("000", "2023", "April", "2023-04"), ("004", "2023-09", "2022", "2022")],
)
def test_times_seed_dates(prefix: str, anchor: str, text: str, point: str) -> None:
    ms = [m for m in find_times(_seed(prefix), anchor=anchor) if m.text == text]
    assert ms and ms[0].value.point == point
